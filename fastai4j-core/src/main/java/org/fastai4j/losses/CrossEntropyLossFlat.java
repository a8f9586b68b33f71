package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code CrossEntropyLossFlat}: torch's {@code CrossEntropyLoss} (log-softmax then
 * negative log-likelihood, with optional class weights and an ignored target index) after moving
 * the class axis last and flattening. The mean with weights is torch's weighted mean
 * {@code sum(w[y_i] l_i) / sum(w[y_i])}; ignored rows count for nothing. Activation: softmax over
 * the class axis; decoding: argmax.
 */
public final class CrossEntropyLossFlat extends SoftmaxLoss {

    /** torch's default ignored target index. */
    public static final int DEFAULT_IGNORE_INDEX = -100;

    private final int ignoreIndex;

    /**
     * @param weight class weights (length = number of classes), or null
     * @param ignoreIndex target value to ignore (torch's default is -100)
     * @param axis the class axis of the prediction (fastai's default is -1)
     */
    public CrossEntropyLossFlat(float[] weight, int ignoreIndex, int axis) {
        super(checkWeights(weight), axis);
        this.ignoreIndex = ignoreIndex;
    }

    private static float[] checkWeights(float[] weight) {
        if (weight != null) {
            for (float w : weight) {
                if (!(w >= 0) || Float.isInfinite(w)) {
                    throw new IllegalArgumentException(
                            "CrossEntropyLossFlat: class weights must be finite and >= 0, got " + w);
                }
            }
        }
        return weight;
    }

    /** {@return the class axis} */
    public int axis() {
        return axis;
    }

    /** {@return the ignored target index} */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    /** {@return a copy of the class weights, or null} */
    public float[] weight() {
        return weight == null ? null : weight.clone();
    }

    @Override
    NDArray unreduced(NDArray pred, NDArray target) {
        return nll(logProbs(pred), target, ignoreIndex).unreduced;
    }

    /** torch's weighted mean {@code sum(w[y_i] l_i) / sum(w[y_i])}, ignored rows left out. */
    @Override
    public NDArray forward(NDArray pred, NDArray target) {
        return nll(logProbs(pred), target, ignoreIndex).mean();
    }

    @Override
    public String name() {
        return "CrossEntropyLossFlat";
    }
}
