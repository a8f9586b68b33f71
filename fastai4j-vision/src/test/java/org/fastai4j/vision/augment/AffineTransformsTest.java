package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.fastai4j.data.BatchContext;
import org.junit.jupiter.api.Test;

/** The affine transforms: identity, exact flips and dihedral symmetries, validation, seeding. */
class AffineTransformsTest {
    static NDArray batch(NDManager m, int n, int c, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] d = new float[n * c * h * w];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextFloat();
        }
        return m.create(d, new Shape(n, c, h, w));
    }

    static float maxDiff(NDArray a, NDArray b) {
        return a.sub(b).abs().max().getFloat();
    }

    @Test
    void identityMatrixLeavesImagesAsTheyAre() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 3, 3, 7, 9, 1);
            // p = 0: every image gets the identity matrix, resampled at its own pixel centres
            NDArray y = new Flip(0, AffineOptions.DEFAULT).apply(x, new BatchContext(true, 5, m));
            assertThat(y.getShape()).isEqualTo(x.getShape());
            assertThat(maxDiff(x, y)).isLessThanOrEqualTo(1e-6f);
        }
    }

    @Test
    void flipWithProbabilityOneMirrorsEveryImageExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 4, 3, 7, 9, 2);
            NDArray y = new Flip(1, AffineOptions.DEFAULT).apply(x, new BatchContext(true, 5, m));
            assertThat(maxDiff(x.flip(3), y)).isLessThanOrEqualTo(1e-6f);
        }
    }

    @Test
    void dihedralMatricesGiveTheEightSymmetriesOfTheSquare() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 1, 2, 6, 6, 3);
            NDArray[] expected = {x, x.flip(3), x.flip(2), x.transpose(0, 1, 3, 2),
                x.flip(2, 3), x.transpose(0, 1, 3, 2).flip(3), x.transpose(0, 1, 3, 2).flip(2),
                x.transpose(0, 1, 3, 2).flip(2, 3)};
            Set<Integer> matched = new HashSet<>();
            for (int k = 0; k < 8; k++) {
                float[] theta = AffineCoordTransform.prepare(new double[][] {Dihedral.matrix(k)}, 6, 6);
                NDArray grid = org.fastai4j.core.affine.AffineGrid.grid(
                        m.create(theta, new Shape(1, 2, 3)), 6, 6, true, m);
                NDArray y = org.fastai4j.core.affine.GridSample.sample(x, grid,
                        org.fastai4j.core.affine.SampleMode.BILINEAR,
                        org.fastai4j.core.affine.PadMode.REFLECTION, true, m);
                for (int e = 0; e < 8; e++) {
                    if (maxDiff(expected[e], y) <= 1e-5f) {
                        matched.add(e);
                    }
                }
            }
            assertThat(matched).hasSize(8);
        }
    }

    @Test
    void validationBatchesAreUnchanged() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 2, 3, 7, 9, 4);
            for (var t : Augment.augTransforms()) {
                assertThat(maxDiff(x, t.apply(x, new BatchContext(false, 9, m)))).isZero();
            }
        }
    }

    @Test
    void validationWithASizeOnlyResizes() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 2, 3, 7, 9, 4);
            var t = Augment.builder().optSize(5, 6).build().get(0);
            NDArray a = t.apply(x, new BatchContext(false, 9, m));
            NDArray b = t.apply(x, new BatchContext(false, 10, m));
            assertThat(a.getShape()).isEqualTo(new Shape(2, 3, 5, 6));
            assertThat(maxDiff(a, b)).isZero(); // no randomness on validation
            // corners of an identity resample with align_corners are the input's corners
            assertThat(a.getFloat(1, 2, 4, 5)).isCloseTo(x.getFloat(1, 2, 6, 8), within(1e-6f));
        }
    }

    @Test
    void sameSeedSameBatchOtherSeedOtherBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 4, 3, 7, 9, 5);
            var t = Augment.augTransforms().get(0);
            NDArray a = t.apply(x, new BatchContext(true, 42, m));
            NDArray b = t.apply(x, new BatchContext(true, 42, m));
            NDArray c = t.apply(x, new BatchContext(true, 43, m));
            assertThat(maxDiff(a, b)).isZero();
            assertThat(maxDiff(a, c)).isGreaterThan(1e-3f);
        }
    }

    @Test
    void everyImageGetsItsOwnDraws() {
        AffineCoordTransform t = (AffineCoordTransform) Augment.augTransforms().get(0);
        double[][] mats = t.drawMatrices(16, 7);
        Set<String> distinct = new HashSet<>();
        for (double[] mat : mats) {
            distinct.add(java.util.Arrays.toString(mat));
        }
        assertThat(distinct.size()).isGreaterThan(12); // P(identity) = 0.5 * 0.25^3 per image
    }

    @Test
    void batchOptionDrawsOnceForTheWholeBatch() {
        AffineCoordTransform t = (AffineCoordTransform) Augment.builder().optBatch(true).build().get(0);
        double[][] mats = t.drawMatrices(5, 7);
        for (double[] mat : mats) {
            assertThat(mat).containsExactly(mats[0]);
        }
    }

    @Test
    void noArrayOutlivesTheCallButTheResult() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = batch(m, 2, 3, 7, 9, 6);
            for (var t : Augment.augTransforms()) {
                t.apply(x, new BatchContext(true, 3, m));
            }
            assertThat(m.getManagedArrays()).hasSize(3); // x and the two results
        }
    }
}
