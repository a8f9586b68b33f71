package org.fastai4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** A DJL Normalize used as a batch transform can be undone for display and counts as the normalization. */
class DjlNormalizeTest {
    @Test
    void decodeUndoesDjlNormalize() {
        BatchTransform t = DjlTransforms.batch(
                new ai.djl.modality.cv.transform.Normalize(new float[] {0.5f, 0.25f, 0.1f}, new float[] {0.2f, 0.5f, 0.3f}), 50);
        assertThat(t.isNormalization()).isTrue();
        assertThat(t.describe()).contains("0.5").contains("0.25");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0f, 1f, new Shape(2, 3, 4, 5));
            NDArray y = t.apply(x, new BatchContext(false, 1, m));
            // channel 1: (x - 0.25) / 0.5
            float x0 = x.get(0, 1, 2, 3).getFloat();
            assertThat(y.get(0, 1, 2, 3).getFloat()).isCloseTo((x0 - 0.25f) / 0.5f, org.assertj.core.data.Offset.offset(1e-6f));
            NDArray back = t.decode(y);
            assertThat(back.sub(x).abs().max().getFloat()).isLessThan(1e-6f);
        }
    }

    @Test
    void otherDjlTransformsAreNotNormalizations() {
        assertThat(DjlTransforms.batch(new ai.djl.modality.cv.transform.ToTensor(), 50).isNormalization()).isFalse();
    }
}
