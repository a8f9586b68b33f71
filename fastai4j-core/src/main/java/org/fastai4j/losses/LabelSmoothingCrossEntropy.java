package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code LabelSmoothingCrossEntropyFlat}: with {@code c} classes and log-probabilities
 * {@code logp}, the loss of a row is {@code eps/c * -sum_j logp_j + (1-eps) * nll}, where the
 * mean is {@code eps/c * mean_i(-sum_j logp_ij) + (1-eps) * nll_loss(logp, y, weight)} (torch's
 * weighted mean for the second term, ignoring target -100 there as torch does). Activation:
 * softmax; decoding: argmax.
 */
public final class LabelSmoothingCrossEntropy implements Loss {

    private final double eps;
    private final float[] weight;
    private final int axis;

    /**
     * @param eps the smoothing weight, in [0, 1] (fastai's default 0.1)
     * @param weight class weights for the nll term, or null
     * @param axis the class axis (fastai's default -1)
     */
    public LabelSmoothingCrossEntropy(double eps, float[] weight, int axis) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("LabelSmoothingCrossEntropy: eps must be in [0, 1], got " + eps);
        }
        this.eps = eps;
        this.weight = weight == null ? null : weight.clone();
        this.axis = axis;
    }

    /** The smoothing weight. */
    public double eps() {
        return eps;
    }

    private NDArray[] parts(NDArray pred, NDArray target) {
        NDArray logp = FlatLosses.rows(pred, axis).logSoftmax(1);
        long c = logp.getShape().get(1);
        NDArray smooth = logp.sum(new int[] {1}).neg().mul((float) (eps / c));
        Nll nll = Nll.of(logp, FlatLosses.flatTarget(target, axis), weight,
                CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX, name());
        return new NDArray[] {smooth, nll.unreduced, nll.mean()};
    }

    @Override
    public NDArray forward(NDArray pred, NDArray target) {
        NDArray[] p = parts(pred, target);
        return p[0].mean().add(p[2].mul((float) (1 - eps)));
    }

    @Override
    public NDArray perItem(NDArray pred, NDArray target) {
        NDArray[] p = parts(pred, target);
        return FlatLosses.perItem(p[0].add(p[1].mul((float) (1 - eps))), FlatLosses.batchSize(target));
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
        return "LabelSmoothingCrossEntropyFlat";
    }
}
