package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;

/**
 * A loss function that knows its activation and decoding, fastai's {@code BaseLoss}: {@link
 * #forward} gives the mean loss (or per item with {@link #perItem}), {@link #activation} turns raw
 * outputs into probabilities or values, {@link #decodes} turns those into targets.
 */
public interface Loss {
    /**
     * {@return the mean loss of a batch (a scalar)}
     *
     * @param pred the model's raw output
     * @param target the batch's targets
     */
    NDArray forward(NDArray pred, NDArray target);

    /**
     * {@return the loss of each item of a batch (shape N)}
     *
     * @param pred the model's raw output
     * @param target the batch's targets
     */
    NDArray perItem(NDArray pred, NDArray target);

    /**
     * Raw model output → probabilities or values (e.g. softmax).
     *
     * @param pred the model's raw output
     * @return the activated output (default: {@code pred} itself)
     */
    default NDArray activation(NDArray pred) {
        return pred;
    }

    /**
     * Activated output → decoded targets (e.g. argmax).
     *
     * @param activated the output of {@link #activation}
     * @return the decoded targets (default: {@code activated} itself)
     */
    default NDArray decodes(NDArray activated) {
        return activated;
    }

    /**
     * fastai's {@code y_int}: true when targets are class indices (cross-entropy family), so that
     * MixUp and CutMix mix the losses of the two targets instead of the targets themselves.
     *
     * @return true when the targets are integer class indices (default false)
     */
    default boolean yInt() {
        return false;
    }

    /** {@return the name used in the manifest} */
    default String name() {
        return getClass().getSimpleName();
    }
}
