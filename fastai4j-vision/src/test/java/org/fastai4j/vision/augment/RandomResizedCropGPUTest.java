package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.fastai4j.core.affine.SampleMode;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;
import org.junit.jupiter.api.Test;

/** fastai's RandomResizedCropGPU: crop geometry, validation centre crop, aug_transforms wiring. */
class RandomResizedCropGPUTest {
    @Test
    void trainingCropsFitAndFollowTheDrawnArea() {
        RandomResizedCropGPU t = new RandomResizedCropGPU(32);
        for (long seed = 0; seed < 300; seed++) {
            int[] c = t.crop(60, 80, true, seed);
            assertThat(c[0]).isBetween(0, 60 - c[2]);
            assertThat(c[1]).isBetween(0, 80 - c[3]);
            assertThat(c[2]).isBetween(1, 60);
            assertThat(c[3]).isBetween(1, 80);
            // area in [0.08, 1] of 4800 and ratio in [3/4, 4/3], up to rounding, or the fallback
            double area = c[2] * (double) c[3];
            boolean fallback = c[2] == 60 && c[3] == 80;
            assertThat(fallback || area >= 0.08 * 4800 * 0.8).isTrue();
            assertThat(c).containsExactly(t.crop(60, 80, true, seed));
        }
    }

    @Test
    void validationTakesTheCentredCropWithinTheRatioTimesValidScale() {
        RandomResizedCropGPU t = new RandomResizedCropGPU(8, 8, 0.5, 1, 1, 1, 0.5, SampleMode.BILINEAR);
        // w/h = 90/60 > 1: crop (60, int(60*1)) = 60x60, times 0.5 = 30x30, centred
        assertThat(t.crop(60, 90, false, 1)).containsExactly(15, 30, 30, 30);
        assertThat(new RandomResizedCropGPU(8).crop(7, 9, false, 1)).containsExactly(0, 0, 7, 9);
    }

    @Test
    void outputIsTheCropResizedToTheSize() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = AffineTransformsTest.batch(m, 2, 3, 12, 10, 1);
            RandomResizedCropGPU t = new RandomResizedCropGPU(6, 5, 0.3, 0.6, 0.75, 1.33, 1,
                    SampleMode.BILINEAR);
            NDArray y = t.apply(x, new BatchContext(true, 4, m));
            assertThat(y.getShape()).isEqualTo(new Shape(2, 3, 6, 5));
            int[] c = t.crop(12, 10, true, 4);
            NDArray crop = x.get(new NDIndex(":, :, {}:{}, {}:{}", c[0], c[0] + c[2], c[1], c[1] + c[3]));
            // align_corners: output corners are the crop's corner pixels
            assertThat(y.getFloat(1, 2, 0, 0)).isCloseTo(crop.getFloat(1, 2, 0, 0), within(1e-6f));
            assertThat(y.getFloat(0, 1, 5, 4))
                    .isCloseTo(crop.getFloat(0, 1, c[2] - 1, c[3] - 1), within(1e-6f));
            assertThat(m.getManagedArrays()).hasSize(3); // x, y, crop
        }
    }

    @Test
    void augTransformsWithMinScaleAddsTheCropAfterTheAffineTransform() {
        List<BatchTransform> t = Augment.builder().optSize(16).optMinScale(0.35).build();
        assertThat(t).hasSize(3);
        assertThat(t.get(0).describe()).doesNotContain("size");
        assertThat(t.get(2)).isInstanceOf(RandomResizedCropGPU.class);
        assertThat(t.get(2).order()).isEqualTo(30);
        assertThat(t.get(2).describe()).contains("size=16x16", "minScale=0.35", "ratio=1.0..1.0");
        assertThatThrownBy(() -> Augment.builder().optMinScale(0.35).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("optSize");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = AffineTransformsTest.batch(m, 2, 3, 20, 24, 2);
            for (BatchTransform b : t) {
                x = b.apply(x, new BatchContext(true, 3, m));
            }
            assertThat(x.getShape()).isEqualTo(new Shape(2, 3, 16, 16));
        }
    }
}
