package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Warp}: a perspective warp of the sampling grid. Per image, {@code x_t} and
 * {@code y_t} are drawn uniformly in [-magnitude, magnitude], each kept with probability {@code
 * p} (else 0); the corners (-1,-1), (-1,1), (1,-1), (1,1) are moved to (-1-y_t, -1-x_t), (-1+y_t,
 * 1+x_t), (1+y_t, -1+x_t), (1-y_t, 1-x_t), and the grid mapped by the homography taking the
 * moved corners to the original ones (fastai's {@code find_coeffs}/{@code apply_perspective}).
 */
public final class Warp extends AffineCoordTransform {
    /** fastai's default: {@code Warp(magnitude=0.2, p=0.5)}. */
    public Warp() {
        this(0.2, 0.5, AffineOptions.DEFAULT);
    }

    /**
     * @param magnitude largest corner displacement, in normalized units
     * @param p probability of each of the two displacements being applied
     * @param options resampling options
     */
    public Warp(double magnitude, double p, AffineOptions options) {
        super(List.of(), List.of(new Source(check(magnitude), Draws.probability("p", p),
                options.batch())), options);
    }

    private static double check(double magnitude) {
        if (!(magnitude >= 0) || Double.isInfinite(magnitude)) {
            throw new IllegalArgumentException("magnitude must be finite and >= 0, got " + magnitude);
        }
        return magnitude;
    }

    /** The homography coefficients c0..c7 (c8 = 1) mapping the moved corners back. */
    static double[] coefficients(double xt, double yt) {
        double[][] orig = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        double[][] targ = {{-1 - yt, -1 - xt}, {-1 + yt, 1 + xt}, {1 + yt, -1 + xt}, {1 - yt, 1 - xt}};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double px = orig[i][0];
            double py = orig[i][1];
            double qx = targ[i][0];
            double qy = targ[i][1];
            a[2 * i] = new double[] {qx, qy, 1, 0, 0, 0, -px * qx, -px * qy, px};
            a[2 * i + 1] = new double[] {0, 0, 0, qx, qy, 1, -py * qx, -py * qy, py};
        }
        return solve(a);
    }

    /** Gaussian elimination with partial pivoting on an augmented 8x9 system. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            if (a[col][col] == 0) {
                throw new IllegalStateException("degenerate warp: corner system is singular");
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int k = col; k <= n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a[i][n] / a[i][i];
        }
        return x;
    }

    /** A warp source's parameter row: {x_t, y_t, c0..c7}. */
    static double[] params(double xt, double yt) {
        double[] row = new double[10];
        row[0] = xt;
        row[1] = yt;
        System.arraycopy(coefficients(xt, yt), 0, row, 2, 8);
        return row;
    }

    /** The warp source: rows are {x_t, y_t, c0..c7}. */
    record Source(double magnitude, double p, boolean batch) implements CoordSource {
        @Override
        public double[][] draw(int n, SplittableRandom rng) {
            double[] xt = Draws.masked(rng, n, batch, p, 0, r -> Draws.uniform(r, -magnitude, magnitude));
            double[] yt = Draws.masked(rng, n, batch, p, 0, r -> Draws.uniform(r, -magnitude, magnitude));
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = params(xt[i], yt[i]);
            }
            return rows;
        }

        @Override
        public NDArray apply(NDArray grid, double[][] params) {
            int n = params.length;
            float[] lin = new float[n * 6];
            float[] off = new float[n * 3];
            for (int i = 0; i < n; i++) {
                double[] c = params[i];
                // coords1 = coords @ H[:, :2]^T + H[:, 2], H = [[c0,c1,c2],[c3,c4,c5],[c6,c7,1]]
                lin[6 * i] = (float) c[2];
                lin[6 * i + 1] = (float) c[5];
                lin[6 * i + 2] = (float) c[8];
                lin[6 * i + 3] = (float) c[3];
                lin[6 * i + 4] = (float) c[6];
                lin[6 * i + 5] = (float) c[9];
                off[3 * i] = (float) c[4];
                off[3 * i + 1] = (float) c[7];
                off[3 * i + 2] = 1f;
            }
            NDArray m = grid.getManager().create(lin, new Shape(n, 2, 3));
            NDArray b = grid.getManager().create(off, new Shape(n, 1, 3));
            NDArray h = grid.matMul(m).add(b);
            NDArray den = h.get(":, :, 2:3");
            if (den.eq(0).any().getBoolean()) {
                return grid; // fastai leaves the batch unwarped when a denominator is 0
            }
            return h.get(":, :, 0:2").div(den);
        }

        @Override
        public float[] apply(float[] grid, int p, double[][] params) {
            float[] out = new float[grid.length];
            for (int i = 0, g = 0; i < params.length; i++) {
                double[] c = params[i];
                // the NDArray version's m (rows (c2, c5, c8), (c3, c6, c9)) and offset (c4, c7, 1)
                float m00 = (float) c[2];
                float m01 = (float) c[5];
                float m02 = (float) c[8];
                float m10 = (float) c[3];
                float m11 = (float) c[6];
                float m12 = (float) c[9];
                float b0 = (float) c[4];
                float b1 = (float) c[7];
                for (int k = 0; k < p; k++, g += 2) {
                    float x = grid[g];
                    float y = grid[g + 1];
                    float den = x * m02 + y * m12 + 1f;
                    if (den == 0f) {
                        return grid; // fastai leaves the batch unwarped when a denominator is 0
                    }
                    out[g] = (x * m00 + y * m10 + b0) / den;
                    out[g + 1] = (x * m01 + y * m11 + b1) / den;
                }
            }
            return out;
        }

        @Override
        public long salt() {
            return 0x57617270L; // "Warp"
        }

        @Override
        public String describe() {
            return "Warp(magnitude=" + magnitude + ", p=" + p + ")";
        }
    }
}
