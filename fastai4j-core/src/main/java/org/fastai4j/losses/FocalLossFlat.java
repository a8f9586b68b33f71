package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code FocalLossFlat} (Lin et al.): with {@code ce_i} torch's unreduced cross-entropy
 * (class weights applied, target -100 ignored) and {@code p_t = exp(-ce_i)}, the loss of a row is
 * {@code (1 - p_t)^gamma * ce_i}; the mean is the plain mean over rows (as fastai, not torch's
 * weighted mean). Activation: softmax; decoding: argmax.
 */
public final class FocalLossFlat extends SoftmaxLoss {

    private final double gamma;

    /**
     * @param gamma the focusing parameter, >= 0 (fastai's default 2)
     * @param weight class weights (the paper's alpha), or null
     * @param axis the class axis (fastai's default -1)
     */
    public FocalLossFlat(double gamma, float[] weight, int axis) {
        super(weight, axis);
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("FocalLossFlat: gamma must be finite and >= 0, got " + gamma);
        }
        this.gamma = gamma;
    }

    /** {@return the focusing parameter} */
    public double gamma() {
        return gamma;
    }

    @Override
    NDArray unreduced(NDArray pred, NDArray target) {
        NDArray ce = nll(logProbs(pred), target, CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX).unreduced;
        NDArray oneMinusPt = ce.neg().exp().neg().add(1);
        return oneMinusPt.pow((float) gamma).mul(ce);
    }

    @Override
    public String name() {
        return "FocalLossFlat";
    }
}
