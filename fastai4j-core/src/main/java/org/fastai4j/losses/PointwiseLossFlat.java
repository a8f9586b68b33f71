package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code MSELossFlat} and {@code L1LossFlat}: prediction and target flattened to one
 * vector each (target made float), then the mean of {@code (x - t)^2} or {@code |x - t|}.
 * Activation and decoding are the identity, as fastai.
 */
public final class PointwiseLossFlat extends FlatLoss {

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

    /**
     * @param kind squared or absolute error
     * @param axis the axis moved last before flattening (fastai's default -1)
     */
    public PointwiseLossFlat(Kind kind, int axis) {
        super(axis);
        if (kind == null) {
            throw new IllegalArgumentException("PointwiseLossFlat: kind must not be null");
        }
        this.kind = kind;
    }

    /**
     * Which pointwise error this loss averages.
     *
     * @return {@link Kind#MSE} for the squared error (fastai's {@code MSELossFlat}) or the absolute
     *     error (fastai's {@code L1LossFlat})
     */
    public Kind kind() {
        return kind;
    }

    @Override
    NDArray unreduced(NDArray pred, NDArray target) {
        NDArray[] xt = flatPair(pred, target);
        NDArray x = xt[0];
        NDArray t = xt[1];
        NDArray diff = x.sub(t);
        return kind == Kind.MSE ? diff.square() : diff.abs();
    }

    @Override
    public String name() {
        return kind.fastaiName;
    }
}
