package org.fastai4j.vision.augment;

import java.nio.FloatBuffer;
import org.fastai4j.core.affine.AffineGrid;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;

/**
 * The CPU path of {@link AffineCoordTransform} one image at a time: each output pixel's grid
 * coordinate ({@code F.affine_grid}), then fastai's warp when there is one, then the padding, all
 * in one loop with {@link HostResample}'s expressions, so the result is the same as building the
 * batch's grid first ({@link HostResample#grid}, {@link Warp.Source#apply(float[], int,
 * double[][])}) but without batch-sized grids (two 25 MB arrays per batch of 64 at 224&times;224).
 */
final class HostAffine {
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
     * @param dst receives the output, N&times;C&times;outH&times;outW
     * @return true when the batch was resampled
     */
    static boolean sample(FloatBuffer src, int n, int c, int h, int w, float[] theta,
            double[][] warp, int outH, int outW, SampleMode mode, PadMode pad,
            boolean alignCorners, FloatBuffer dst) {
        int p = outH * outW;
        float[] gxs = AffineGrid.linspace(outW, alignCorners);
        float[] gys = AffineGrid.linspace(outH, alignCorners);
        float[] img = new float[c * h * w];
        float[] out = new float[c * p];
        float[] xs = new float[p];
        float[] ys = new float[p];
        for (int i = 0; i < n; i++) {
            if (!coordinates(theta, i, warp == null ? null : warp[i], gxs, gys, h, w, pad,
                    alignCorners, xs, ys)) {
                return false;
            }
            src.get(i * img.length, img);
            HostResample.sampleImage(img, c, h, w, xs, ys, mode, pad, out);
            dst.put(i * out.length, out);
        }
        return true;
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
