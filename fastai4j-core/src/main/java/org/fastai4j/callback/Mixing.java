package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.fastai4j.losses.Loss;

/** The arithmetic of fastai's {@code MixUp} and {@code CutMix} on batch arrays. */
final class Mixing {

    private Mixing() {}

    /**
     * torch's {@code lerp(start, end, weight)} with one weight per row: {@code start + lam_i (end -
     * start)}, {@code lam} of shape (N) broadcast over the other axes (fastai's {@code unsqueeze(lam,
     * n=ndim-1)}). Integer arrays are made float first.
     */
    static NDArray lerpRows(NDArray start, NDArray end, NDArray lam) {
        NDArray s = floating(start);
        NDArray e = floating(end);
        long[] shape = new long[s.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = -1;
        NDArray w = lam.toType(s.getDataType(), false).reshape(new Shape(shape));
        return s.add(e.sub(s).mul(w));
    }

    /** The rows of {@code x} in the order {@code perm} (fastai's {@code itemgot(shuffle)}). */
    static NDArray shuffle(NDArray x, NDArray perm) {
        return x.get(new NDIndex("{}", perm));
    }

    /**
     * fastai's {@code MixHandler.lf} for {@code y_int} losses: the per-item losses against the
     * shuffled and the original targets, {@code lerp(loss(pred, y1), loss(pred, y), lam)}, then
     * their mean ({@code lam} per row, or a scalar).
     */
    static NDArray mixedLoss(Loss loss, NDArray pred, NDArray yShuffled, NDArray y, NDArray lam) {
        NDArray l1 = loss.perItem(pred, yShuffled);
        NDArray l = loss.perItem(pred, y);
        NDArray w = lam.toType(l.getDataType(), false);
        return l1.add(l.sub(l1).mul(w)).mean();
    }

    /**
     * fastai's {@code CutMix.rand_bbox}: a box of {@code round(W sqrt(1-lam))} by {@code round(H
     * sqrt(1-lam))} (round half to even, as torch) centred on a uniform pixel, clamped to the
     * image: {@code {x1, y1, x2, y2}}.
     */
    static int[] randBox(int width, int height, double lam, SplittableRandom random) {
        double cutRatio = Math.sqrt(1 - lam);
        long cutW = (long) Math.rint(width * cutRatio);
        long cutH = (long) Math.rint(height * cutRatio);
        int cx = random.nextInt(width);
        int cy = random.nextInt(height);
        int x1 = (int) clamp(cx - Math.floorDiv(cutW, 2), width);
        int y1 = (int) clamp(cy - Math.floorDiv(cutH, 2), height);
        int x2 = (int) clamp(cx + Math.floorDiv(cutW, 2), width);
        int y2 = (int) clamp(cy + Math.floorDiv(cutH, 2), height);
        return new int[] {x1, y1, x2, y2};
    }

    private static long clamp(long v, long max) {
        return Math.max(0, Math.min(max, v));
    }

    /**
     * {@code x} with the box {@code [y1:y2, x1:x2]} of its last two axes taken from {@code source}
     * (fastai's {@code xb[0][..., y1:y2, x1:x2] = xb1[..., y1:y2, x1:x2]}), as a new array.
     */
    static NDArray pasteBox(NDArray x, NDArray source, int[] box) {
        Shape s = x.getShape();
        int h = (int) s.get(s.dimension() - 2);
        int w = (int) s.get(s.dimension() - 1);
        boolean[] mask = new boolean[h * w];
        for (int r = box[1]; r < box[3]; r++) {
            for (int c = box[0]; c < box[2]; c++) {
                mask[r * w + c] = true;
            }
        }
        NDArray m = x.getManager().create(mask, new Shape(h, w)).toDevice(x.getDevice(), false).broadcast(s);
        return NDArrays.where(m, source, x);
    }

    /** fastai's CutMix weight of the original image: {@code 1 - box area / image area}. */
    static double boxLam(int[] box, int width, int height) {
        return 1 - (double) (box[2] - box[0]) * (box[3] - box[1]) / ((double) width * height);
    }

    private static NDArray floating(NDArray a) {
        DataType t = a.getDataType();
        return t.isFloating() ? a : a.toType(DataType.FLOAT32, false);
    }
}
