package org.fastai4j.core.affine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Area resizing, as torch's {@code F.interpolate(mode='area')} ({@code adaptive_avg_pool2d}):
 * output pixel (i, j) is the mean of input rows {@code floor(i*H/Ho) .. ceil((i+1)*H/Ho)-1} and
 * columns likewise. Computed as two matrix products with averaging matrices, so it runs on any
 * engine and device.
 */
public final class AreaResize {
    private AreaResize() {}

    /**
     * Resizes a batch by area averaging.
     *
     * @param input N&times;C&times;H&times;W floating-point images
     * @param height output height, 1..H
     * @param width output width, 1..W
     * @param manager owns the result; temporaries live in a sub-manager closed before returning
     * @return N&times;C&times;height&times;width
     */
    public static NDArray resize(NDArray input, int height, int width, NDManager manager) {
        Shape s = input.getShape();
        if (s.dimension() != 4 || !input.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "input must be N x C x H x W floating point, got " + input.getDataType() + " " + s);
        }
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        if (height < 1 || width < 1 || height > h || width > w) {
            throw new IllegalArgumentException("area resize output " + height + "x" + width
                    + " must be at least 1x1 and at most the input's " + h + "x" + w);
        }
        try (NDManager scope = manager.newSubManager(input.getDevice())) {
            input.tempAttach(scope);
            NDArray rows = scope.create(averaging(h, height), new Shape(height, h))
                    .toType(input.getDataType(), false);
            NDArray cols = scope.create(averaging(w, width), new Shape(width, w))
                    .toType(input.getDataType(), false);
            NDArray out = rows.matMul(input).matMul(cols.transpose());
            out.attach(manager);
            return out;
        }
    }

    /** The out x in matrix whose row i averages torch's adaptive-pool window i. */
    static float[] averaging(int in, int out) {
        float[] m = new float[out * in];
        for (int i = 0; i < out; i++) {
            int start = (int) Math.floor((double) i * in / out);
            int end = (int) Math.ceil((double) (i + 1) * in / out);
            float v = 1f / (end - start);
            for (int k = start; k < end; k++) {
                m[i * in + k] = v;
            }
        }
        return m;
    }
}
