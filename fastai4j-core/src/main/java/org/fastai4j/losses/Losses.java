package org.fastai4j.losses;

/**
 * fastai's loss functions by name, with fastai's defaults: {@code Losses.crossEntropyFlat()} is
 * {@code CrossEntropyLossFlat()}, {@code Losses.bceWithLogitsFlat()} is
 * {@code BCEWithLogitsLossFlat()}, and so on.
 */
public final class Losses {

    private Losses() {}

    /** {@code CrossEntropyLossFlat()}: no class weights, ignore index -100, class axis -1. */
    public static CrossEntropyLossFlat crossEntropyFlat() {
        return new CrossEntropyLossFlat(null, CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX, -1);
    }

    /** {@code CrossEntropyLossFlat(weight=...)}. */
    public static CrossEntropyLossFlat crossEntropyFlat(float[] weight) {
        return new CrossEntropyLossFlat(weight, CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX, -1);
    }

    /** {@code CrossEntropyLossFlat(weight=..., ignore_index=..., axis=...)}; weight may be null. */
    public static CrossEntropyLossFlat crossEntropyFlat(float[] weight, int ignoreIndex, int axis) {
        return new CrossEntropyLossFlat(weight, ignoreIndex, axis);
    }

    /** {@code LabelSmoothingCrossEntropyFlat()}: eps 0.1. */
    public static LabelSmoothingCrossEntropy labelSmoothingCrossEntropy() {
        return labelSmoothingCrossEntropy(0.1);
    }

    /** {@code LabelSmoothingCrossEntropyFlat(eps=...)}. */
    public static LabelSmoothingCrossEntropy labelSmoothingCrossEntropy(double eps) {
        return new LabelSmoothingCrossEntropy(eps, null, -1);
    }

    /** {@code LabelSmoothingCrossEntropyFlat(eps=..., weight=...)}; weight may be null. */
    public static LabelSmoothingCrossEntropy labelSmoothingCrossEntropy(double eps, float[] weight) {
        return new LabelSmoothingCrossEntropy(eps, weight, -1);
    }

    /** {@code BCEWithLogitsLossFlat()}: decoding threshold 0.5. */
    public static BceWithLogitsLossFlat bceWithLogitsFlat() {
        return bceWithLogitsFlat(0.5);
    }

    /** {@code BCEWithLogitsLossFlat(thresh=...)}. */
    public static BceWithLogitsLossFlat bceWithLogitsFlat(double thresh) {
        return new BceWithLogitsLossFlat(thresh, -1);
    }

    /** {@code MSELossFlat()}. */
    public static PointwiseLossFlat mseFlat() {
        return new PointwiseLossFlat(PointwiseLossFlat.Kind.MSE, -1);
    }

    /** {@code L1LossFlat()}. */
    public static PointwiseLossFlat l1Flat() {
        return new PointwiseLossFlat(PointwiseLossFlat.Kind.L1, -1);
    }

    /** {@code FocalLossFlat()}: gamma 2. */
    public static FocalLossFlat focalLoss() {
        return focalLoss(2.0);
    }

    /** {@code FocalLossFlat(gamma=...)}. */
    public static FocalLossFlat focalLoss(double gamma) {
        return new FocalLossFlat(gamma, null, -1);
    }

    /** {@code FocalLossFlat(gamma=..., weight=...)}; weight may be null. */
    public static FocalLossFlat focalLoss(double gamma, float[] weight) {
        return new FocalLossFlat(gamma, weight, -1);
    }
}
