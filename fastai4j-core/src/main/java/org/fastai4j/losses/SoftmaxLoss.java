package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * The cross-entropy family: log-softmax over rows of classes, then torch's {@code nll_loss} with
 * optional class weights. Targets are class indices; activation is softmax and decoding argmax
 * over the class axis.
 */
abstract class SoftmaxLoss extends FlatLoss {

    /** Class weights, or null for all ones. */
    final float[] weight;

    SoftmaxLoss(float[] weight, int axis) {
        super(axis);
        this.weight = weight == null ? null : weight.clone();
    }

    /** Log-probabilities as rows of classes, shape (M, C). */
    final NDArray logProbs(NDArray pred) {
        return FlatLosses.rows(pred, axis).logSoftmax(1);
    }

    /** torch's {@code nll_loss} of {@code logp} (from {@link #logProbs}) against the target. */
    final Nll nll(NDArray logp, NDArray target, int ignoreIndex) {
        return Nll.of(logp, FlatLosses.flatTarget(target, axis), weight, ignoreIndex, name());
    }

    @Override
    public NDArray activation(NDArray pred) {
        return pred.softmax(axis);
    }

    @Override
    public NDArray decodes(NDArray activated) {
        return activated.argMax(axis);
    }

    @Override
    public boolean yInt() {
        return true;
    }
}
