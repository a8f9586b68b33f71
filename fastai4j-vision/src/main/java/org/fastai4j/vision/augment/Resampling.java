package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.DoubleSupplier;
import org.fastai4j.core.affine.AffineGrid;
import org.fastai4j.core.affine.AreaResize;
import org.fastai4j.core.affine.GridSample;
import org.fastai4j.core.affine.SampleMode;

/** fastai's {@code _grid_sample}: grid_sample, with its area pre-shrink for bilinear. */
final class Resampling {
    private Resampling() {}

    /**
     * Samples {@code x} at {@code grid}. For bilinear, fastai 2.7's {@code _grid_sample} first
     * area-resizes the input by {@code 1/d} ({@code F.interpolate(mode='area',
     * recompute_scale_factor=True)}) when {@code d > 1} and {@code d > z}, where {@code z = 2/(max -
     * min)} over all grid coordinates and {@code d = min(x.shape[-2]/coords.shape[-2],
     * x.shape[-1]/coords.shape[-1])/2}. Its grid is N&times;Ho&times;Wo&times;2, so that is {@code
     * min(H/Wo, W/2)/2}, not the {@code min(H/Ho, W/Wo)/2} its comment suggests: we reproduce the
     * code, so the same sizes shrink as in fastai.
     */
    static NDArray sample(NDArray x, NDArray grid, AffineOptions o, NDManager scope) {
        return GridSample.sample(shrinkFirst(x, grid, o.mode(), scope), grid, o.mode(),
                o.padMode(), o.alignCorners(), scope);
    }

    /** An identity resample of {@code x} to {@code height x width} ({@code affine_coord(sz=...)}). */
    static NDArray resize(NDArray x, int height, int width, AffineOptions o, NDManager scope) {
        int n = Math.toIntExact(x.getShape().get(0));
        float[] theta = new float[6 * n];
        for (int i = 0; i < n; i++) {
            theta[6 * i] = 1f;
            theta[6 * i + 4] = 1f;
        }
        NDArray t = scope.create(theta, new Shape(n, 2, 3));
        return sample(x, AffineGrid.grid(t, height, width, o.alignCorners(), scope), o, scope);
    }

    private static NDArray shrinkFirst(NDArray x, NDArray grid, SampleMode mode, NDManager scope) {
        return shrinkFirst(x, grid.getShape().get(2), grid.getShape().get(3), mode,
                () -> grid.max().getFloat() - grid.min().getFloat(), scope); // float32, as torch
    }

    /**
     * Whether {@link #sample} may area-resize an H&times;W input first (then it depends on the
     * grid's span), for a grid whose axes 2 and 3 have {@code dim2} and {@code dim3} entries.
     */
    static boolean mayShrink(SampleMode mode, int h, int w, long dim2, long dim3) {
        return mode == SampleMode.BILINEAR && Math.min((double) h / dim2, (double) w / dim3) / 2 > 1;
    }

    /**
     * The pre-shrink of {@link #sample}, for a grid whose axes 2 and 3 have {@code dim2} and
     * {@code dim3} entries and whose coordinates span {@code span} (asked only when needed).
     */
    static NDArray shrinkFirst(NDArray x, long dim2, long dim3, SampleMode mode,
            DoubleSupplier span, NDManager scope) {
        int h = Math.toIntExact(x.getShape().get(2));
        int w = Math.toIntExact(x.getShape().get(3));
        if (!mayShrink(mode, h, w, dim2, dim3)) {
            return x;
        }
        double d = Math.min((double) h / dim2, (double) w / dim3) / 2;
        double z = 1 / span.getAsDouble() * 2;
        if (!(d > z)) {
            return x;
        }
        return AreaResize.resize(x, (int) Math.floor(h * (1 / d)), (int) Math.floor(w * (1 / d)), scope);
    }
}
