package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code FocalLossFlat} (Lin et al.): with {@code ce_i} torch's unreduced cross-entropy
 * (class weights applied, target -100 ignored) and {@code p_t = exp(-ce_i)}, the loss of a row is
 * {@code (1 - p_t)^gamma * ce_i}; the mean is the plain mean over rows (as fastai, not torch's
 * weighted mean). Activation: softmax; decoding: argmax.
 */
public final class FocalLossFlat implements Loss {

    private final double gamma;
    private final float[] weight;
    private final int axis;

    /**
     * @param gamma the focusing parameter, >= 0 (fastai's default 2)
     * @param weight class weights (the paper's alpha), or null
     * @param axis the class axis (fastai's default -1)
     */
    public FocalLossFlat(double gamma, float[] weight, int axis) {
        if (!(gamma >= 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("FocalLossFlat: gamma must be finite and >= 0, got " + gamma);
        }
        this.gamma = gamma;
        this.weight = weight == null ? null : weight.clone();
        this.axis = axis;
    }

    /** The focusing parameter. */
    public double gamma() {
        return gamma;
    }

    private NDArray unreduced(NDArray pred, NDArray target) {
        NDArray logp = FlatLosses.rows(pred, axis).logSoftmax(1);
        NDArray ce = Nll.of(logp, FlatLosses.flatTarget(target, axis), weight,
                CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX, name()).unreduced;
        NDArray oneMinusPt = ce.neg().exp().neg().add(1);
        return oneMinusPt.pow((float) gamma).mul(ce);
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

    @Override
    public String name() {
        return "FocalLossFlat";
    }
}
