package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.fastai4j.data.BatchContext;
import org.junit.jupiter.api.Test;

/** Brightness and contrast in logit space, as fastai's _BrightnessLogit and _ContrastLogit. */
class LightingTest {
    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void brightnessFollowsFastaisFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] vals = {0f, 0.25f, 0.5f, 0.9f, 1f, 0.03f};
            NDArray x = m.create(vals, new Shape(2, 1, 1, 3));
            Brightness t = new Brightness(0.2, 1.0, false);
            NDArray y = t.apply(x, new BatchContext(true, 11, m));
            double[] b = t.drawAll(2, 11)[0];
            for (int i = 0; i < 2; i++) {
                assertThat(b[i]).isBetween(0.4, 0.6).isNotEqualTo(0.5);
                for (int j = 0; j < 3; j++) {
                    // fastai: sigmoid(logit(clamp(x, 1e-7, 1-1e-7)) + logit(b))
                    double xc = Math.min(Math.max(vals[3 * i + j], 1e-7), 1 - 1e-7);
                    double want = sigmoid(Math.log(xc / (1 - xc)) + Math.log(b[i] / (1 - b[i])));
                    assertThat(y.getFloat(i, 0, 0, j)).isCloseTo((float) want, within(1e-6f));
                }
            }
            // a worked value: x = 0.25, b = 0.55 gives sigmoid(-ln 3 + ln(11/9)) = 1/(1 + 27/11) = 11/38
            try (NDArray q = m.create(new float[] {0.25f}, new Shape(1, 1, 1, 1))) {
                NDArray r = new Brightness(0.1, 1.0, false).compose(new Contrast(0.2, 0, false))
                        .apply(q, new BatchContext(true, 0, m));
                double b0 = new Brightness(0.1, 1.0, false).drawAll(1, 0)[0][0];
                assertThat(sigmoid(-Math.log(3) + Math.log(0.55 / 0.45))).isCloseTo(11 / 38.0, within(1e-12));
                assertThat(r.getFloat()).isCloseTo((float) (1 / (1 + 3 * (1 - b0) / b0)), within(1e-6f));
            }
        }
    }

    @Test
    void largeBatchesLitAFewImagesAtATimeFollowTheFormulaForEveryImage() {
        // 13 images of 3x224x224 float32 (588 KiB each) go in chunks of CHUNK_BYTES / 588 KiB = 6:
        // 0-5, 6-11, 12; each image must still get its own brightness b and contrast c
        int n = 13;
        int per = 3 * 224 * 224;
        assertThat(LightingTransform.CHUNK_BYTES / (4L * per)).isEqualTo(6);
        float[] vals = new float[n * per];
        java.util.Random rnd = new java.util.Random(5);
        for (int i = 0; i < vals.length; i++) {
            vals[i] = rnd.nextFloat();
        }
        LightingTransform t = new Brightness(0.2, 0.75, false).compose(new Contrast(0.2, 0.75, false));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray y = t.apply(m.create(vals, new Shape(n, 3, 224, 224)), new BatchContext(true, 3, m));
            assertThat(y.getShape()).isEqualTo(new Shape(n, 3, 224, 224));
            float[] got = y.toFloatArray();
            double[][] d = t.drawAll(n, 3);
            for (int i = 0; i < n; i++) {
                for (int k = i * per; k < (i + 1) * per; k += 997) {
                    // fastai: sigmoid((logit(clamp(x)) + logit(b)) * c)
                    double xc = Math.min(Math.max(vals[k], 1e-7), 1 - 1e-7);
                    double want = sigmoid((Math.log(xc / (1 - xc)) + Math.log(d[0][i] / (1 - d[0][i])))
                            * d[1][i]);
                    assertThat(got[k]).isCloseTo((float) want, within(1e-6f));
                }
            }
        }
    }

    @Test
    void contrastFollowsFastaisFormula() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] vals = {0.1f, 0.25f, 0.5f, 0.9f};
            NDArray x = m.create(vals, new Shape(4, 1, 1, 1));
            Contrast t = new Contrast(0.2, 1.0, false);
            NDArray y = t.apply(x, new BatchContext(true, 12, m));
            double[] c = t.drawAll(4, 12)[0];
            for (int i = 0; i < 4; i++) {
                assertThat(c[i]).isBetween(0.8, 1.25); // exp(U(log 0.8, -log 0.8))
                double want = sigmoid(Math.log(vals[i] / (1 - (double) vals[i])) * c[i]);
                assertThat(y.getFloat(i, 0, 0, 0)).isCloseTo((float) want, within(1e-6f));
            }
        }
    }

    @Test
    void validationIsUnchangedAndNeutralDrawsChangeNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = AffineTransformsTest.batch(m, 2, 3, 4, 5, 3);
            var t = new Brightness().compose(new Contrast());
            assertThat(t.apply(x, new BatchContext(false, 1, m))).isSameAs(x);
            // p = 0: b = 0.5 and c = 1 for every image: sigmoid(logit(x)) = x
            NDArray y = new Brightness(0.2, 0, false).compose(new Contrast(0.2, 0, false))
                    .apply(x, new BatchContext(true, 1, m));
            assertThat(AffineTransformsTest.maxDiff(x, y)).isLessThanOrEqualTo(1e-6f);
        }
    }

    @Test
    void brightnessAndContrastDrawIndependently() {
        LightingTransform t = (LightingTransform) Augment.augTransforms().get(1);
        double[][] d = t.drawAll(64, 5);
        int sameCoin = 0;
        for (int i = 0; i < 64; i++) {
            double u = (d[0][i] - 0.4) / 0.2; // brightness as a fraction of its range
            double v = (Math.log(d[1][i]) - Math.log(0.8)) / (-2 * Math.log(0.8));
            if (Math.abs(u - v) < 1e-9) {
                sameCoin++;
            }
        }
        assertThat(sameCoin).isLessThan(20); // neutral pairs (~1/16 of images) may coincide
    }
}
