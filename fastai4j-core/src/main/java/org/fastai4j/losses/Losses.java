package org.fastai4j.losses;

/**
 * fastai's loss functions by name, with fastai's defaults: {@code Losses.crossEntropyFlat()} is
 * {@code CrossEntropyLossFlat()}, {@code Losses.bceWithLogitsFlat()} is
 * {@code BCEWithLogitsLossFlat()}, and so on.
 */
public final class Losses {

    private Losses() {}

    /**
     * {@code CrossEntropyLossFlat()}: no class weights, ignore index -100, class axis -1.
     *
     * @return the loss
     */
    public static CrossEntropyLossFlat crossEntropyFlat() {
        return new CrossEntropyLossFlat(null, CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX, -1);
    }

    /**
     * {@code CrossEntropyLossFlat(weight=...)}.
     *
     * @param weight class weights, one per class, or null for none
     * @return the loss
     */
    public static CrossEntropyLossFlat crossEntropyFlat(float[] weight) {
        return new CrossEntropyLossFlat(weight, CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX, -1);
    }

    /**
     * {@code CrossEntropyLossFlat(weight=..., ignore_index=..., axis=...)}.
     *
     * @param weight class weights, one per class, or null for none
     * @param ignoreIndex the target value whose rows count for nothing (torch's -100)
     * @param axis the class axis of the prediction (fastai's -1)
     * @return the loss
     */
    public static CrossEntropyLossFlat crossEntropyFlat(float[] weight, int ignoreIndex, int axis) {
        return new CrossEntropyLossFlat(weight, ignoreIndex, axis);
    }

    /**
     * {@code LabelSmoothingCrossEntropyFlat()}: eps 0.1.
     *
     * @return the loss
     */
    public static LabelSmoothingCrossEntropy labelSmoothingCrossEntropy() {
        return labelSmoothingCrossEntropy(0.1);
    }

    /**
     * {@code LabelSmoothingCrossEntropyFlat(eps=...)}.
     *
     * @param eps the smoothing weight, in [0, 1]
     * @return the loss
     */
    public static LabelSmoothingCrossEntropy labelSmoothingCrossEntropy(double eps) {
        return new LabelSmoothingCrossEntropy(eps, null, -1);
    }

    /**
     * {@code LabelSmoothingCrossEntropyFlat(eps=..., weight=...)}.
     *
     * @param eps the smoothing weight, in [0, 1]
     * @param weight class weights of the nll term, or null for none
     * @return the loss
     */
    public static LabelSmoothingCrossEntropy labelSmoothingCrossEntropy(double eps, float[] weight) {
        return new LabelSmoothingCrossEntropy(eps, weight, -1);
    }

    /**
     * {@code BCEWithLogitsLossFlat()}: decoding threshold 0.5.
     *
     * @return the loss
     */
    public static BceWithLogitsLossFlat bceWithLogitsFlat() {
        return bceWithLogitsFlat(0.5);
    }

    /**
     * {@code BCEWithLogitsLossFlat(thresh=...)}.
     *
     * @param thresh the probability above which a label decodes as present
     * @return the loss
     */
    public static BceWithLogitsLossFlat bceWithLogitsFlat(double thresh) {
        return new BceWithLogitsLossFlat(thresh, -1);
    }

    /**
     * {@code MSELossFlat()}.
     *
     * @return the loss
     */
    public static PointwiseLossFlat mseFlat() {
        return new PointwiseLossFlat(PointwiseLossFlat.Kind.MSE, -1);
    }

    /**
     * {@code L1LossFlat()}.
     *
     * @return the loss
     */
    public static PointwiseLossFlat l1Flat() {
        return new PointwiseLossFlat(PointwiseLossFlat.Kind.L1, -1);
    }

    /**
     * {@code FocalLossFlat()}: gamma 2.
     *
     * @return the loss
     */
    public static FocalLossFlat focalLoss() {
        return focalLoss(2.0);
    }

    /**
     * {@code FocalLossFlat(gamma=...)}.
     *
     * @param gamma the focusing parameter, >= 0
     * @return the loss
     */
    public static FocalLossFlat focalLoss(double gamma) {
        return new FocalLossFlat(gamma, null, -1);
    }

    /**
     * {@code FocalLossFlat(gamma=..., weight=...)}.
     *
     * @param gamma the focusing parameter, >= 0
     * @param weight class weights (the paper's alpha), or null for none
     * @return the loss
     */
    public static FocalLossFlat focalLoss(double gamma, float[] weight) {
        return new FocalLossFlat(gamma, weight, -1);
    }
}
