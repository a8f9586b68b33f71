package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code LabelSmoothingCrossEntropyFlat}: with {@code c} classes and log-probabilities
 * {@code logp}, the loss of a row is {@code eps/c * -sum_j logp_j + (1-eps) * nll}, where the
 * mean is {@code eps/c * mean_i(-sum_j logp_ij) + (1-eps) * nll_loss(logp, y, weight)} (torch's
 * weighted mean for the second term, ignoring target -100 there as torch does). Activation:
 * softmax; decoding: argmax.
 */
public final class LabelSmoothingCrossEntropy extends SoftmaxLoss {

    private final double eps;

    /**
     * @param eps the smoothing weight, in [0, 1] (fastai's default 0.1)
     * @param weight class weights for the nll term, or null
     * @param axis the class axis (fastai's default -1)
     */
    public LabelSmoothingCrossEntropy(double eps, float[] weight, int axis) {
        super(weight, axis);
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException("LabelSmoothingCrossEntropy: eps must be in [0, 1], got " + eps);
        }
        this.eps = eps;
    }

    /** {@return the smoothing weight} */
    public double eps() {
        return eps;
    }

    private NDArray[] parts(NDArray pred, NDArray target) {
        NDArray logp = logProbs(pred);
        long c = logp.getShape().get(1);
        NDArray smooth = logp.sum(new int[] {1}).neg().mul((float) (eps / c));
        Nll nll = nll(logp, target, CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX);
        return new NDArray[] {smooth, nll.unreduced, nll.mean()};
    }

    @Override
    NDArray unreduced(NDArray pred, NDArray target) {
        NDArray[] p = parts(pred, target);
        return p[0].add(p[1].mul((float) (1 - eps)));
    }

    /** {@code eps/c * mean_i(-sum_j logp_ij) + (1-eps) * nll_loss(logp, y, weight)}. */
    @Override
    public NDArray forward(NDArray pred, NDArray target) {
        NDArray[] p = parts(pred, target);
        return p[0].mean().add(p[2].mul((float) (1 - eps)));
    }

    @Override
    public String name() {
        return "LabelSmoothingCrossEntropyFlat";
    }
}
