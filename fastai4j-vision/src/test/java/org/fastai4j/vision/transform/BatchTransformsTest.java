package org.fastai4j.vision.transform;

import org.fastai4j.data.IntToFloat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.fastai4j.data.BatchContext;
import org.junit.jupiter.api.Test;
import org.assertj.core.data.Offset;

class BatchTransformsTest {

    @Test
    void intToFloatThenNormalizeAndBack() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            BatchContext ctx = new BatchContext(true, 1, m);
            // one 3-channel 1×2 image: R = {0, 255}, G = {51, 102}, B = {255, 0}
            NDArray x = m.create(new byte[] {0, (byte) 255, 51, 102, (byte) 255, 0},
                    new Shape(1, 3, 1, 2)).toType(DataType.UINT8, false);
            NDArray f = IntToFloat.create().apply(x, ctx);
            assertThat(f.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(f.toFloatArray()).containsExactly(0f, 1f, 0.2f, 0.4f, 1f, 0f);
            Normalize norm = Normalize.fromStats(Normalize.IMAGENET_STATS);
            NDArray n = norm.apply(f, ctx);
            float[] v = n.toFloatArray();
            // (x - mean) / std with imagenet_stats: R (0 - 0.485)/0.229, G (0.2 - 0.456)/0.224
            assertThat(v[0]).isCloseTo((0 - 0.485f) / 0.229f, Offset.offset(1e-5f));
            assertThat(v[2]).isCloseTo((0.2f - 0.456f) / 0.224f, Offset.offset(1e-5f));
            assertThat(v[4]).isCloseTo((1 - 0.406f) / 0.225f, Offset.offset(1e-5f));
            NDArray back = IntToFloat.create().decode(norm.decode(n));
            assertThat(back.getDataType()).isEqualTo(DataType.UINT8);
            assertThat(back.toByteArray()).containsExactly(x.toByteArray());
            assertThat(norm.order()).isEqualTo(99);
            assertThat(IntToFloat.create().order()).isEqualTo(10);
        }
    }

    @Test
    void normalizeChecksChannels() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = m.zeros(new Shape(2, 1, 3, 3));
            assertThatThrownBy(() -> Normalize.fromStats(Stats.IMAGENET)
                    .apply(x, new BatchContext(false, 0, m)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(2, 1, 3, 3)");
        }
    }
}
