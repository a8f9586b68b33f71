package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;
import org.junit.jupiter.api.Test;

/**
 * aug_transforms' structure, draw distributions (2000 images: the fractions applied within 0.04
 * of fastai's probabilities, about 4 standard deviations) and output range.
 */
class DrawDistributionTest {
    private static final int N = 2000;

    @Test
    void augTransformsHasFastaisStructure() {
        List<BatchTransform> t = Augment.augTransforms();
        assertThat(t).hasSize(2);
        assertThat(t.get(0).order()).isEqualTo(30);
        assertThat(t.get(1).order()).isEqualTo(40);
        assertThat(t.get(0).describe()).contains("Flip(p=0.5)", "Rotate(maxDeg=10.0, p=0.75)",
                "Zoom(minZoom=1.0, maxZoom=1.1, p=0.75)", "Warp(magnitude=0.2, p=0.75)", "reflection");
        assertThat(t.get(1).describe()).contains("Brightness(maxLighting=0.2, p=0.75)",
                "Contrast(maxLighting=0.2, p=0.75)");
        assertThat(Augment.builder().optFlipVert(true).build().get(0).describe()).contains("Dihedral");
        assertThat(Augment.builder().optMaxLighting(0).optMaxWarp(0).optMaxRotate(0).optMaxZoom(1)
                .optDoFlip(false).build()).isEmpty();
        assertThat(Augment.builder().optMult(2).build().get(0).describe())
                .contains("Rotate(maxDeg=20.0", "Warp(magnitude=0.4");
    }

    @Test
    void rotationAnglesAndProbability() {
        double[][] m = new Rotate(10, 0.75, AffineOptions.DEFAULT).drawMatrices(N, 99);
        int applied = 0;
        for (double[] r : m) {
            double deg = Math.toDegrees(Math.atan2(r[1], r[0]));
            assertThat(deg).isBetween(-10.0, 10.0);
            applied += deg != 0 ? 1 : 0;
        }
        assertThat(applied / (double) N).isCloseTo(0.75, within(0.04));
    }

    @Test
    void flipZoomAndWarpDraws() {
        int flipped = 0;
        int zoomed = 0;
        for (double[] r : new Flip().drawMatrices(N, 1)) {
            flipped += r[0] == -1 ? 1 : 0;
        }
        for (double[] r : new Zoom(1, 1.1, 0.75, AffineOptions.DEFAULT).drawMatrices(N, 2)) {
            assertThat(1 / r[0]).isBetween(1.0, 1.1);
            assertThat(Math.abs(r[2])).isLessThanOrEqualTo(1 - r[0] + 1e-12); // centre inside
            zoomed += r[0] != 1 ? 1 : 0;
        }
        int warpedX = 0;
        for (double[] r : new Warp().drawCoordParams(N, 3)[0]) {
            assertThat(Math.abs(r[0])).isLessThanOrEqualTo(0.2);
            assertThat(Math.abs(r[1])).isLessThanOrEqualTo(0.2);
            warpedX += r[0] != 0 ? 1 : 0;
        }
        assertThat(flipped / (double) N).isCloseTo(0.5, within(0.04));
        assertThat(zoomed / (double) N).isCloseTo(0.75, within(0.04));
        assertThat(warpedX / (double) N).isCloseTo(0.5, within(0.04)); // Warp() default p = 0.5
    }

    @Test
    void dihedralIndicesAreUniformWhenApplied() {
        int[] counts = new int[8];
        for (double[] r : new Dihedral(1, AffineOptions.DEFAULT).drawMatrices(N, 4)) {
            for (int k = 0; k < 8; k++) {
                if (java.util.Arrays.equals(r, Dihedral.matrix(k))) {
                    counts[k]++;
                }
            }
        }
        for (int c : counts) {
            assertThat(c / (double) N).isCloseTo(0.125, within(0.03));
        }
    }

    @Test
    void warpHomographyTakesMovedCornersBackToTheCorners() {
        double xt = 0.13;
        double yt = -0.07;
        double[] c = Warp.coefficients(xt, yt);
        double[][] orig = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        double[][] targ = {{-1 - yt, -1 - xt}, {-1 + yt, 1 + xt}, {1 + yt, -1 + xt}, {1 - yt, 1 - xt}};
        for (int i = 0; i < 4; i++) {
            double den = c[6] * targ[i][0] + c[7] * targ[i][1] + 1;
            assertThat((c[0] * targ[i][0] + c[1] * targ[i][1] + c[2]) / den).isCloseTo(orig[i][0], within(1e-12));
            assertThat((c[3] * targ[i][0] + c[4] * targ[i][1] + c[5]) / den).isCloseTo(orig[i][1], within(1e-12));
        }
    }

    @Test
    void augmentedBatchesStayInTheUnitRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = AffineTransformsTest.batch(m, 16, 3, 12, 10, 8);
            for (long seed = 0; seed < 3; seed++) {
                NDArray y = x;
                for (BatchTransform t : Augment.builder().optMult(2).build()) {
                    y = t.apply(y, new BatchContext(true, seed, m));
                }
                assertThat(y.getShape()).isEqualTo(x.getShape());
                assertThat(y.min().getFloat()).isGreaterThanOrEqualTo(0f);
                assertThat(y.max().getFloat()).isLessThanOrEqualTo(1f);
                assertThat(AffineTransformsTest.maxDiff(x, y)).isGreaterThan(0.01f);
            }
        }
    }
}
