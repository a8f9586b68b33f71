package org.fastai4j.vision.augment;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.fastai4j.core.affine.AffineGrid;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;

/**
 * The CPU path of {@link AffineCoordTransform} one image at a time: each output pixel's grid
 * coordinate ({@code F.affine_grid}), then fastai's warp when there is one, then the padding, all
 * in one loop with {@link HostResample}'s expressions, so the result is the same as building the
 * batch's grid first ({@link HostResample#grid}, {@link Warp.Source#apply(float[], int,
 * double[][])}) but without batch-sized grids (two 25 MB arrays per batch of 64 at 224&times;224).
 * The images may be split among threads (the calling thread and the common fork-join pool); each
 * image's result does not depend on the split.
 */
final class HostAffine {
    /** Per-thread scratch arrays: image in, image out, x and y coordinates (one image each). */
    private static final ThreadLocal<float[][]> SCRATCH = new ThreadLocal<>();

    private HostAffine() {}

    /**
     * Resamples a batch; returns false, having written nothing meaningful, when a warp
     * denominator is exactly 0 (fastai then leaves the whole batch unwarped: the caller takes the
     * batch-grid path, which does that).
     *
     * @param src the input, N&times;C&times;H&times;W float32
     * @param n images
     * @param c channels
     * @param h input height
     * @param w input width
     * @param theta N&times;2&times;3 matrices after fastai's aspect correction
     * @param warp per image {x_t, y_t, c0..c7} rows of {@link Warp.Source}, or null for no warp
     * @param outH output height
     * @param outW output width
     * @param mode bilinear or nearest
     * @param pad what coordinates outside [-1, 1] read
     * @param alignCorners torch's {@code align_corners}
     * @param threads 1: every image on the calling thread; more: the images are shared among the
     *     calling thread and the common fork-join pool
     * @param dst receives the output, N&times;C&times;outH&times;outW
     * @return true when the batch was resampled
     */
    static boolean sample(FloatBuffer src, int n, int c, int h, int w, float[] theta,
            double[][] warp, int outH, int outW, SampleMode mode, PadMode pad,
            boolean alignCorners, int threads, FloatBuffer dst) {
        float[] gxs = AffineGrid.linspace(outW, alignCorners);
        float[] gys = AffineGrid.linspace(outH, alignCorners);
        AtomicBoolean singular = new AtomicBoolean();
        IntStream images = IntStream.range(0, n);
        // with more than one thread, images are work-stolen among the caller and the common pool
        (threads > 1 ? images.parallel() : images).forEach(i -> {
            if (singular.get()) {
                return;
            }
            int p = outH * outW;
            float[][] scratch = scratch(c * h * w, c * p, p);
            if (!coordinates(theta, i, warp == null ? null : warp[i], gxs, gys, h, w, pad,
                    alignCorners, scratch[2], scratch[3])) {
                singular.set(true);
                return;
            }
            src.get(i * scratch[0].length, scratch[0]);
            HostResample.sampleImage(scratch[0], c, h, w, scratch[2], scratch[3], mode, pad,
                    scratch[1]);
            dst.put(i * scratch[1].length, scratch[1]);
        });
        return !singular.get();
    }

    /** This thread's image, output and coordinate arrays for these sizes (reused: no garbage). */
    private static float[][] scratch(int image, int out, int p) {
        float[][] s = SCRATCH.get();
        if (s == null || s[0].length != image || s[1].length != out || s[2].length != p) {
            s = new float[][] {new float[image], new float[out], new float[p], new float[p]};
            SCRATCH.set(s);
        }
        return s;
    }

    /** Image {@code i}'s padded pixel coordinates; false when a warp denominator is 0. */
    private static boolean coordinates(float[] theta, int i, double[] warp, float[] gxs,
            float[] gys, int h, int w, PadMode pad, boolean alignCorners, float[] xs, float[] ys) {
        float t00 = theta[6 * i];
        float t01 = theta[6 * i + 1];
        float t02 = theta[6 * i + 2];
        float t10 = theta[6 * i + 3];
        float t11 = theta[6 * i + 4];
        float t12 = theta[6 * i + 5];
        boolean warped = warp != null;
        // Warp.Source's float coefficients: rows (c2, c5, c8), (c3, c6, c9), offset (c4, c7, 1)
        float m00 = warped ? (float) warp[2] : 0;
        float m01 = warped ? (float) warp[5] : 0;
        float m02 = warped ? (float) warp[8] : 0;
        float m10 = warped ? (float) warp[3] : 0;
        float m11 = warped ? (float) warp[6] : 0;
        float m12 = warped ? (float) warp[9] : 0;
        float b0 = warped ? (float) warp[4] : 0;
        float b1 = warped ? (float) warp[7] : 0;
        int k = 0;
        for (float y : gys) {
            for (float x : gxs) {
                float gx = x * t00 + y * t01 + t02;
                float gy = x * t10 + y * t11 + t12;
                if (warped) {
                    float den = gx * m02 + gy * m12 + 1f;
                    if (den == 0f) {
                        return false;
                    }
                    float wx = (gx * m00 + gy * m10 + b0) / den;
                    gy = (gx * m01 + gy * m11 + b1) / den;
                    gx = wx;
                }
                xs[k] = HostResample.coordinate(gx, w, pad, alignCorners);
                ys[k] = HostResample.coordinate(gy, h, pad, alignCorners);
                k++;
            }
        }
        return true;
    }
}
