package org.fastai4j.vision.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Rotate}: with probability {@code p} each image is rotated by an angle drawn
 * uniformly in [-maxDeg, maxDeg] degrees (matrix {@code [[cos,sin,0],[-sin,cos,0]]}, from {@code
 * rotate_mat}).
 */
public final class Rotate extends AffineCoordTransform {
    /** fastai's default: {@code Rotate(max_deg=10, p=0.5)}. */
    public Rotate() {
        this(10, 0.5, AffineOptions.DEFAULT);
    }

    /**
     * @param maxDeg largest rotation, degrees
     * @param p probability of rotating each image
     * @param options resampling options
     */
    public Rotate(double maxDeg, double p, AffineOptions options) {
        super(List.of(new Source(check(maxDeg), Draws.probability("p", p), options.batch())),
                List.of(), options);
    }

    private static double check(double maxDeg) {
        if (!(maxDeg >= 0) || Double.isInfinite(maxDeg)) {
            throw new IllegalArgumentException("maxDeg must be finite and >= 0, got " + maxDeg);
        }
        return maxDeg;
    }

    /** fastai's {@code rotate_mat} for an angle in degrees. */
    static double[] matrix(double deg) {
        double t = deg * Math.PI / 180;
        return AffineSource.affine(Math.cos(t), Math.sin(t), 0, -Math.sin(t), Math.cos(t), 0);
    }

    /** The rotation matrix source. */
    record Source(double maxDeg, double p, boolean batch) implements AffineSource {
        @Override
        public double[][] draw(int n, SplittableRandom rng) {
            double[] deg = Draws.masked(rng, n, batch, p, 0, r -> Draws.uniform(r, -maxDeg, maxDeg));
            double[][] m = new double[n][];
            for (int i = 0; i < n; i++) {
                m[i] = matrix(deg[i]);
            }
            return m;
        }

        @Override
        public long salt() {
            return 0x526F7461L; // "Rota"
        }

        @Override
        public String describe() {
            return "Rotate(maxDeg=" + maxDeg + ", p=" + p + ")";
        }
    }
}
