package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code MSELossFlat} and {@code L1LossFlat}: prediction and target flattened to one
 * vector each (target made float), then the mean of {@code (x - t)^2} or {@code |x - t|}.
 * Activation and decoding are the identity, as fastai.
 */
public final class PointwiseLossFlat implements Loss {

    /** The pointwise distance. */
    public enum Kind {
        /** Squared error, fastai's {@code MSELossFlat}. */
        MSE("MSELossFlat"),
        /** Absolute error, fastai's {@code L1LossFlat}. */
        L1("L1LossFlat");

        private final String fastaiName;

        Kind(String fastaiName) {
            this.fastaiName = fastaiName;
        }
    }

    private final Kind kind;
    private final int axis;

    /**
     * @param kind squared or absolute error
     * @param axis the axis moved last before flattening (fastai's default -1)
     */
    public PointwiseLossFlat(Kind kind, int axis) {
        if (kind == null) {
            throw new IllegalArgumentException("PointwiseLossFlat: kind must not be null");
        }
        this.kind = kind;
        this.axis = axis;
    }

    /** Squared or absolute error. */
    public Kind kind() {
        return kind;
    }

    private NDArray unreduced(NDArray pred, NDArray target) {
        NDArray x = FlatLosses.flatPred(pred, axis);
        NDArray t = FlatLosses.flatTarget(target, axis).toType(x.getDataType(), false);
        FlatLosses.checkSameLength(x, t, name());
        NDArray diff = x.sub(t);
        return kind == Kind.MSE ? diff.square() : diff.abs();
    }

    @Override
    public NDArray forward(NDArray pred, NDArray target) {
        return unreduced(pred, target).mean();
    }

    @Override
    public NDArray perItem(NDArray pred, NDArray target) {
        return FlatLosses.perItem(unreduced(pred, target), FlatLosses.batchSize(target));
    }

    @Override
    public String name() {
        return kind.fastaiName;
    }
}
