package org.fastai4j.vision.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Dihedral}: with probability {@code p} each image gets one of the 8 symmetries of
 * the square (index drawn uniformly in 0..7, 0 being the identity), from {@code dihedral_mat}.
 */
public final class Dihedral extends AffineCoordTransform {
    private static final int[] XS = {1, -1, 1, -1, -1, 1, 1, -1};
    private static final int[] YS = {1, 1, -1, 1, -1, -1, 1, -1};
    private static final int[] M0 = {1, 1, 1, 0, 1, 0, 0, 0};
    private static final int[] M1 = {0, 0, 0, 1, 0, 1, 1, 1};

    /** fastai's default: {@code Dihedral(p=0.5)}. */
    public Dihedral() {
        this(0.5, AffineOptions.DEFAULT);
    }

    /**
     * @param p probability of drawing a symmetry for each image
     * @param options resampling options
     */
    public Dihedral(double p, AffineOptions options) {
        super(List.of(new Source(Draws.probability("p", p), options.batch())), List.of(), options);
    }

    /** fastai's dihedral matrix number {@code k} (0..7). */
    static double[] matrix(int k) {
        return AffineSource.affine(XS[k] * M0[k], XS[k] * M1[k], 0, YS[k] * M1[k], YS[k] * M0[k], 0);
    }

    /** The dihedral matrix source. */
    record Source(double p, boolean batch) implements AffineSource {
        @Override
        public double[][] draw(int n, SplittableRandom rng) {
            double[] k = Draws.masked(rng, n, batch, p, 0, r -> r.nextInt(8));
            double[][] m = new double[n][];
            for (int i = 0; i < n; i++) {
                m[i] = matrix((int) k[i]);
            }
            return m;
        }

        @Override
        public long salt() {
            return 0x44696864L; // "Dihd"
        }

        @Override
        public String describe() {
            return "Dihedral(p=" + p + ")";
        }
    }
}
