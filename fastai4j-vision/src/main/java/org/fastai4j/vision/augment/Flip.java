package org.fastai4j.vision.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Flip}: each image mirrored left-right with probability {@code p} (matrix
 * {@code [[-1,0,0],[0,1,0]]}, from {@code flip_mat}).
 */
public final class Flip extends AffineCoordTransform {
    /** fastai's default: {@code Flip(p=0.5)}. */
    public Flip() {
        this(0.5, AffineOptions.DEFAULT);
    }

    /**
     * @param p probability of flipping each image
     * @param options resampling options
     */
    public Flip(double p, AffineOptions options) {
        super(List.of(new Source(Draws.probability("p", p), options.batch())), List.of(), options);
    }

    /** fastai's {@code flip_mat}: {@code sign} -1 mirrors, 1 leaves the image. */
    static double[] matrix(double sign) {
        return AffineSource.affine(sign, 0, 0, 0, 1, 0);
    }

    /** The flip matrix source. */
    record Source(double p, boolean batch) implements AffineSource {
        @Override
        public double[][] draw(int n, SplittableRandom rng) {
            double[] sign = Draws.masked(rng, n, batch, p, 1.0, r -> -1.0);
            double[][] m = new double[n][];
            for (int i = 0; i < n; i++) {
                m[i] = matrix(sign[i]);
            }
            return m;
        }

        @Override
        public long salt() {
            return 0x466C6970L; // "Flip"
        }

        @Override
        public String describe() {
            return "Flip(p=" + p + ")";
        }
    }
}
