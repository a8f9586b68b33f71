package org.fastai4j.vision.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Zoom}: with probability {@code p} each image is zoomed by a factor {@code z}
 * drawn uniformly in [minZoom, maxZoom] about a centre drawn uniformly over the image; from
 * {@code zoom_mat}: {@code s = 1/z}, matrix {@code [[s,0,(1-s)(2c-1)],[0,s,(1-s)(2r-1)]]} with
 * column and row fractions {@code c, r} uniform in [0, 1).
 */
public final class Zoom extends AffineCoordTransform {
    /** fastai's default: {@code Zoom(min_zoom=1, max_zoom=1.1, p=0.5)}. */
    public Zoom() {
        this(1.0, 1.1, 0.5, AffineOptions.DEFAULT);
    }

    /**
     * @param minZoom smallest zoom (below 1 zooms out)
     * @param maxZoom largest zoom
     * @param p probability of zooming each image
     * @param options resampling options
     */
    public Zoom(double minZoom, double maxZoom, double p, AffineOptions options) {
        super(List.of(new Source(minZoom, maxZoom, Draws.probability("p", p), options.batch())),
                List.of(), options);
        if (!(minZoom > 0 && minZoom <= maxZoom) || Double.isInfinite(maxZoom)) {
            throw new IllegalArgumentException(
                    "need 0 < minZoom <= maxZoom, got minZoom " + minZoom + ", maxZoom " + maxZoom);
        }
    }

    /** fastai's {@code zoom_mat} for zoom {@code z} about column/row fractions {@code col, row}. */
    static double[] matrix(double z, double col, double row) {
        double s = 1 / z;
        return AffineSource.affine(s, 0, (1 - s) * (2 * col - 1), 0, s, (1 - s) * (2 * row - 1));
    }

    /** The zoom matrix source. */
    record Source(double minZoom, double maxZoom, double p, boolean batch) implements AffineSource {
        @Override
        public double[][] draw(int n, SplittableRandom rng) {
            double[] z = Draws.masked(rng, n, batch, p, 1.0, r -> Draws.uniform(r, minZoom, maxZoom));
            double[] col = Draws.plain(rng, n, batch, SplittableRandom::nextDouble);
            double[] row = Draws.plain(rng, n, batch, SplittableRandom::nextDouble);
            double[][] m = new double[n][];
            for (int i = 0; i < n; i++) {
                m[i] = matrix(z[i], col[i], row[i]);
            }
            return m;
        }

        @Override
        public long salt() {
            return 0x5A6F6F6DL; // "Zoom"
        }

        @Override
        public String describe() {
            return "Zoom(minZoom=" + minZoom + ", maxZoom=" + maxZoom + ", p=" + p + ")";
        }
    }
}
