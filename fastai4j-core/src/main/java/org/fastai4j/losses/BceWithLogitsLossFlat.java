package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * fastai's {@code BCEWithLogitsLossFlat}: torch's {@code BCEWithLogitsLoss} on the flattened
 * prediction and float target, computed stably as {@code max(x,0) - x*t + log(1 + exp(-|x|))}.
 * Activation: sigmoid; decoding: {@code activated > thresh} (a boolean array, as fastai).
 */
public final class BceWithLogitsLossFlat extends FlatLoss {

    private final double thresh;

    /**
     * @param thresh the decoding threshold on probabilities (fastai's default 0.5)
     * @param axis the class axis (fastai's default -1)
     */
    public BceWithLogitsLossFlat(double thresh, int axis) {
        super(axis);
        if (Double.isNaN(thresh)) {
            throw new IllegalArgumentException("BCEWithLogitsLossFlat: thresh must be a number, got NaN");
        }
        this.thresh = thresh;
    }

    /** {@return the decoding threshold} */
    public double thresh() {
        return thresh;
    }

    @Override
    NDArray unreduced(NDArray pred, NDArray target) {
        NDArray[] xt = flatPair(pred, target);
        NDArray x = xt[0];
        NDArray t = xt[1];
        NDArray softplusOfMinusAbs = x.abs().neg().exp().add(1).log();
        return x.maximum(0).sub(x.mul(t)).add(softplusOfMinusAbs);
    }

    @Override
    public NDArray activation(NDArray pred) {
        return Activation.sigmoid(pred);
    }

    @Override
    public NDArray decodes(NDArray activated) {
        return activated.gt(thresh);
    }

    @Override
    public String name() {
        return "BCEWithLogitsLossFlat";
    }
}
