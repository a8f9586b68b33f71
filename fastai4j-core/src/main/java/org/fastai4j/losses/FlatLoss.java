package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * A loss computed as torch's {@code reduction='none'} values on flattened inputs: {@link #forward}
 * is their mean and {@link #perItem} their mean per item, as fastai's {@code BaseLoss}.
 */
abstract class FlatLoss implements Loss {

    /** The axis moved last before flattening (the class axis). */
    final int axis;

    FlatLoss(int axis) {
        this.axis = axis;
    }

    /** torch's {@code reduction='none'} values of this loss. */
    abstract NDArray unreduced(NDArray pred, NDArray target);

    @Override
    public NDArray forward(NDArray pred, NDArray target) {
        return unreduced(pred, target).mean();
    }

    @Override
    public NDArray perItem(NDArray pred, NDArray target) {
        return FlatLosses.perItem(unreduced(pred, target), FlatLosses.batchSize(target));
    }

    /**
     * Prediction and target as two flat vectors of the prediction's type and equal length
     * (fastai's {@code is_2d=False} with a float target).
     */
    final NDArray[] flatPair(NDArray pred, NDArray target) {
        NDArray x = FlatLosses.flatPred(pred, axis);
        NDArray t = FlatLosses.flatTarget(target, axis).toType(x.getDataType(), false);
        FlatLosses.checkSameLength(x, t, name());
        return new NDArray[] {x, t};
    }
}
