package org.fastai4j.core.affine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Sampling grids from per-image affine matrices, as torch's {@code F.affine_grid}: the output
 * pixel at normalized coordinates {@code (x, y)} in [-1, 1] samples the input at {@code theta ·
 * (x, y, 1)}. With {@code alignCorners} (fastai's setting) -1 and 1 are the centres of the corner
 * pixels; without it, their outer edges.
 */
public final class AffineGrid {
    private AffineGrid() {}

    /**
     * The normalized coordinates of {@code steps} pixel centres along one axis, computed as torch's
     * {@code linspace(-1, 1, steps)} in float (times {@code (steps-1)/steps} without
     * alignCorners).
     *
     * @param steps number of pixels, at least 1
     * @param alignCorners torch's {@code align_corners}
     * @return the coordinates
     */
    public static float[] linspace(int steps, boolean alignCorners) {
        if (steps < 1) {
            throw new IllegalArgumentException("grid size must be at least 1, got " + steps);
        }
        float[] r = new float[steps];
        if (steps == 1) {
            return r;
        }
        float step = 2f / (steps - 1);
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            r[i] = i < half ? -1f + step * i : 1f - step * (steps - i - 1);
        }
        if (!alignCorners) {
            float f = (float) (steps - 1) / steps;
            for (int i = 0; i < steps; i++) {
                r[i] = r[i] * f;
            }
        }
        return r;
    }

    /**
     * The sampling grid for a batch.
     *
     * @param theta N&times;2&times;3 (or N&times;3&times;3, last row ignored) float affine matrices
     * @param height output height
     * @param width output width
     * @param alignCorners torch's {@code align_corners}
     * @param manager owns the result; temporaries live in a sub-manager closed before returning
     * @return the grid, N&times;height&times;width&times;2, last axis (x, y) in normalized units
     */
    public static NDArray grid(
            NDArray theta, int height, int width, boolean alignCorners, NDManager manager) {
        Shape s = theta.getShape();
        if (s.dimension() != 3 || s.get(2) != 3 || (s.get(1) != 2 && s.get(1) != 3)) {
            throw new IllegalArgumentException(
                    "theta must be N x 2 x 3 or N x 3 x 3 affine matrices, got shape " + s);
        }
        long n = s.get(0);
        float[] xs = linspace(width, alignCorners);
        float[] ys = linspace(height, alignCorners);
        float[] base = new float[height * width * 3];
        for (int i = 0, k = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                base[k++] = xs[j];
                base[k++] = ys[i];
                base[k++] = 1f;
            }
        }
        try (NDManager scope = manager.newSubManager(theta.getDevice())) {
            theta.tempAttach(scope);
            NDArray rows = s.get(1) == 2 ? theta : theta.get(":, 0:2, :");
            NDArray thetaT = rows.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .transpose(0, 2, 1);
            NDArray b = scope.create(base, new Shape(height * (long) width, 3));
            NDArray g = b.matMul(thetaT).reshape(n, height, width, 2);
            g.attach(manager);
            return g;
        }
    }
}
