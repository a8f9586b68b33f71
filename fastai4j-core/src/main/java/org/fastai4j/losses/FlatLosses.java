package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Shared flattening steps of fastai's {@code BaseLoss} ({@code _contiguous} and {@code view}). */
final class FlatLosses {

    private FlatLosses() {}

    /** Swaps {@code axis} with the last axis, as fastai's {@code x.transpose(axis, -1)}. */
    static NDArray axisLast(NDArray x, int axis) {
        int dims = x.getShape().dimension();
        if (dims == 0) {
            return x;
        }
        int a = axis < 0 ? axis + dims : axis;
        if (a < 0 || a >= dims) {
            throw new IllegalArgumentException(
                    "axis " + axis + " is out of range for an array of shape " + x.getShape());
        }
        return a == dims - 1 ? x : x.swapAxes(a, dims - 1);
    }

    /** The prediction as rows of classes: shape (M, C), C the size of {@code axis}. */
    static NDArray rows(NDArray pred, int axis) {
        NDArray last = axisLast(pred, axis);
        Shape s = last.getShape();
        if (s.dimension() < 1) {
            throw new IllegalArgumentException("prediction must have a class axis, got shape " + s);
        }
        return last.reshape(-1, s.get(s.dimension() - 1));
    }

    /** The target as one flat vector, after the same axis swap as the prediction (when it has that axis). */
    static NDArray flatTarget(NDArray target, int axis) {
        int dims = target.getShape().dimension();
        int a = axis < 0 ? axis + dims : axis;
        NDArray t = (dims >= 2 && a >= 0 && a < dims) ? axisLast(target, a) : target;
        return t.reshape(-1);
    }

    /** The prediction as one flat vector (fastai's {@code is_2d=False}). */
    static NDArray flatPred(NDArray pred, int axis) {
        return axisLast(pred, axis).reshape(-1);
    }

    /** Checks that flattened prediction and target agree in length. */
    static void checkSameLength(NDArray pred, NDArray target, String loss) {
        long p = pred.getShape().size();
        long t = target.getShape().size();
        if (p != t) {
            throw new IllegalArgumentException(
                    loss + ": prediction has " + p + " values after flattening but target has " + t);
        }
    }

    /**
     * fastai's per-item losses from torch's {@code reduction='none'} values: kept when there is one
     * per item, else averaged per item ({@code loss.view(bs, -1).mean(1)}).
     */
    static NDArray perItem(NDArray unreduced, long batchSize) {
        long n = unreduced.getShape().size();
        if (n == batchSize || batchSize <= 0) {
            return unreduced.reshape(-1);
        }
        if (n % batchSize != 0) {
            throw new IllegalArgumentException(
                    "cannot split " + n + " losses into " + batchSize + " items");
        }
        return unreduced.reshape(batchSize, -1).mean(new int[] {1});
    }

    /** The batch size fastai uses ({@code find_bs(yb)}): the target's first dimension. */
    static long batchSize(NDArray target) {
        Shape s = target.getShape();
        return s.dimension() == 0 ? 1 : s.get(0);
    }
}
