package org.fastai4j.vision.augment;

import java.nio.FloatBuffer;
import org.fastai4j.core.affine.AffineGrid;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;

/**
 * The CPU path of {@link AffineCoordTransform}: torch's {@code F.affine_grid} and {@code
 * F.grid_sample} as plain Java loops over float32, the same operations in the same order as the
 * NDArray versions ({@link AffineGrid}, {@code GridSample}), so the results agree to float32
 * rounding. One pass per image reads its pixels once and computes each output pixel's coordinates
 * once for all channels, where the NDArray version makes some forty passes over batch-sized
 * temporaries (int64 index tensors broadcast over the channels among them): about ten times faster
 * on a CPU. Not thread-safe state: every call allocates its own scratch.
 */
final class HostResample {
    private HostResample() {}

    /**
     * {@code F.affine_grid}: the base grid {@code (x_j, y_i, 1)} times each image's matrix.
     *
     * @param theta N&times;2&times;3 matrices, row-major
     * @param n the number of images
     * @param height output height
     * @param width output width
     * @param alignCorners torch's {@code align_corners}
     * @return N&times;height&times;width&times;2 coordinates (x, y)
     */
    static float[] grid(float[] theta, int n, int height, int width, boolean alignCorners) {
        float[] xs = AffineGrid.linspace(width, alignCorners);
        float[] ys = AffineGrid.linspace(height, alignCorners);
        int p = height * width;
        float[] g = new float[n * p * 2];
        for (int i = 0; i < n; i++) {
            float t00 = theta[6 * i];
            float t01 = theta[6 * i + 1];
            float t02 = theta[6 * i + 2];
            float t10 = theta[6 * i + 3];
            float t11 = theta[6 * i + 4];
            float t12 = theta[6 * i + 5];
            int o = i * p * 2;
            for (int r = 0; r < height; r++) {
                float y = ys[r];
                for (int c = 0; c < width; c++) {
                    float x = xs[c];
                    g[o++] = x * t00 + y * t01 + t02;
                    g[o++] = x * t10 + y * t11 + t12;
                }
            }
        }
        return g;
    }

    /** {@return the largest minus the smallest coordinate of {@code grid}, in float32} */
    static float span(float[] grid) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : grid) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    /**
     * {@code F.grid_sample} of a contiguous float32 batch.
     *
     * @param src the input, N&times;C&times;H&times;W
     * @param n images
     * @param c channels
     * @param h input height
     * @param w input width
     * @param grid N&times;Ho&times;Wo&times;2 coordinates (x, y)
     * @param p output pixels per image, Ho&times;Wo
     * @param mode bilinear or nearest
     * @param pad what coordinates outside [-1, 1] read
     * @param alignCorners torch's {@code align_corners}
     * @param dst receives the output, N&times;C&times;Ho&times;Wo
     */
    static void sample(FloatBuffer src, int n, int c, int h, int w, float[] grid, int p,
            SampleMode mode, PadMode pad, boolean alignCorners, FloatBuffer dst) {
        float[] img = new float[c * h * w];
        float[] out = new float[c * p];
        float[] xs = new float[p];
        float[] ys = new float[p];
        for (int i = 0; i < n; i++) {
            src.get(i * img.length, img);
            int g = i * p * 2;
            for (int k = 0; k < p; k++, g += 2) {
                xs[k] = coordinate(grid[g], w, pad, alignCorners);
                ys[k] = coordinate(grid[g + 1], h, pad, alignCorners);
            }
            sampleImage(img, c, h, w, xs, ys, mode, pad, out);
            dst.put(i * out.length, out);
        }
    }

    /**
     * Samples one image (C&times;H&times;W) at pixel coordinates already unnormalized and padded
     * by {@link #coordinate}.
     *
     * @param img the image
     * @param c channels
     * @param h height
     * @param w width
     * @param xs the x coordinate of each output pixel
     * @param ys the y coordinate of each output pixel
     * @param mode bilinear or nearest
     * @param pad the padding (zeros reads 0 outside the image)
     * @param out receives C&times;P values
     */
    static void sampleImage(float[] img, int c, int h, int w, float[] xs, float[] ys,
            SampleMode mode, PadMode pad, float[] out) {
        if (mode == SampleMode.NEAREST) {
            nearest(img, c, h, w, xs, ys, pad == PadMode.ZEROS, out);
        } else if (pad == PadMode.ZEROS) {
            bilinearZeros(img, c, h, w, xs, ys, out);
        } else {
            bilinear(img, c, h, w, xs, ys, out);
        }
    }

    /**
     * torch's bilinear, ((nw + ne) + sw) + se, for coordinates already inside [0, size - 1]
     * (border and reflection padding): only the far corners can fall outside, and they weigh 0.
     */
    private static void bilinear(float[] img, int c, int h, int w, float[] xs, float[] ys,
            float[] out) {
        int plane = h * w;
        int p = xs.length;
        for (int k = 0; k < p; k++) {
            float x = xs[k];
            float y = ys[k];
            float x0 = (float) Math.floor(x);
            float y0 = (float) Math.floor(y);
            float east = x - x0;
            float west = (x0 + 1) - x;
            float south = y - y0;
            float north = (y0 + 1) - y;
            int ix = (int) x0;
            int iy = (int) y0;
            int cx0 = ix;
            int cx1 = ix + 1 < w ? ix + 1 : w - 1;
            int row0 = iy * w;
            int row1 = (iy + 1 < h ? iy + 1 : h - 1) * w;
            blend(img, c, plane, p, k, row0 + cx0, row0 + cx1, row1 + cx0, row1 + cx1,
                    north * west, north * east, south * west, south * east, out);
        }
    }

    /** torch's bilinear with zeros padding: corners outside the image weigh zero. */
    private static void bilinearZeros(float[] img, int c, int h, int w, float[] xs, float[] ys,
            float[] out) {
        int plane = h * w;
        int p = xs.length;
        for (int k = 0; k < p; k++) {
            float x = xs[k];
            float y = ys[k];
            float x0 = (float) Math.floor(x);
            float y0 = (float) Math.floor(y);
            float x1 = x0 + 1;
            float y1 = y0 + 1;
            float east = (x - x0) * inside(x1, w);
            float west = (x1 - x) * inside(x0, w);
            float south = (y - y0) * inside(y1, h);
            float north = (y1 - y) * inside(y0, h);
            int cx0 = (int) clip(x0, w);
            int cx1 = (int) clip(x1, w);
            int row0 = (int) clip(y0, h) * w;
            int row1 = (int) clip(y1, h) * w;
            blend(img, c, plane, p, k, row0 + cx0, row0 + cx1, row1 + cx0, row1 + cx1,
                    north * west, north * east, south * west, south * east, out);
        }
    }

    /**
     * Output pixel {@code k} of every channel: torch's ((nw + ne) + sw) + se over the four corners
     * at offsets {@code inw, ine, isw, ise} of each channel's plane.
     */
    private static void blend(float[] img, int c, int plane, int p, int k, int inw, int ine, int isw, int ise,
            float nw, float ne, float sw, float se, float[] out) {
        for (int ch = 0, base = 0, o = k; ch < c; ch++, base += plane, o += p) {
            float v = img[base + inw] * nw;
            v += img[base + ine] * ne;
            v += img[base + isw] * sw;
            v += img[base + ise] * se;
            out[o] = v;
        }
    }

    /** torch's nearest: coordinates rounded half to even; with zeros padding outside reads 0. */
    private static void nearest(float[] img, int c, int h, int w, float[] xs, float[] ys,
            boolean zeros, float[] out) {
        int plane = h * w;
        int p = xs.length;
        for (int k = 0; k < p; k++) {
            float rx = (float) Math.rint(xs[k]);
            float ry = (float) Math.rint(ys[k]);
            int at = (int) clip(ry, h) * w + (int) clip(rx, w);
            float keep = inside(rx, w) * inside(ry, h);
            for (int ch = 0; ch < c; ch++) {
                float v = img[ch * plane + at];
                out[ch * p + k] = zeros ? v * keep : v;
            }
        }
    }

    private static float inside(float v, int size) {
        return v >= 0 && v <= size - 1 ? 1f : 0f;
    }

    private static float clip(float v, int size) {
        return v < 0 ? 0f : v > size - 1 ? size - 1 : v;
    }

    /** Unnormalizes one coordinate and applies the padding, as torch's CPU kernel. */
    static float coordinate(float g, int size, PadMode pad, boolean alignCorners) {
        float v;
        if (alignCorners) {
            v = (g + 1) * ((size - 1) / 2f);
        } else {
            float scale = size / 2f;
            v = g * scale + (scale - 0.5f);
        }
        if (pad == PadMode.BORDER) {
            v = clip(v, size);
        } else if (pad == PadMode.REFLECTION && !(alignCorners && v >= 0 && v <= size - 1)) {
            // with alignCorners, v in [0, size - 1] reflects and clips to v itself, exactly
            v = clip(reflect(v, size, alignCorners), size);
        }
        return v;
    }

    /** Mirrors a coordinate into [low, low + span], as torch's vectorised reflect_coordinates. */
    private static float reflect(float v, int size, boolean alignCorners) {
        float low = alignCorners ? 0f : -0.5f;
        float twiceSpan = alignCorners ? 2f * (size - 1) : 2f * size;
        if (twiceSpan == 0f) {
            return 0f;
        }
        float abs = Math.abs(low == 0f ? v : v - low);
        float flips = (float) Math.floor(abs / twiceSpan);
        float extra = abs - flips * twiceSpan;
        float r = Math.min(extra, -extra + twiceSpan);
        return low == 0f ? r : r + low;
    }
}
