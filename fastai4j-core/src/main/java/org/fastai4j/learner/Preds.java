package org.fastai4j.learner;

/**
 * What {@code Learner.getPreds} returns, in plain Java arrays (nothing to close). Row {@code i} of
 * each array is item {@code indices[i]} of the loader's dataset.
 *
 * @param activations activated outputs per item (probabilities for classification), N×C
 * @param targets targets per item: for single-label classification a row of one value, the class
 *     index; for multi-label the multi-hot row; for regression the values
 * @param decoded decoded predictions per item (class index for single-label), or null if not asked
 * @param losses per-item losses, or null if not asked
 * @param indices the dataset index of each item
 * @param inputs the model inputs per item, flattened (after the batch transforms), or null if not asked
 */
public record Preds(float[][] activations, float[][] targets, float[][] decoded, float[] losses, int[] indices,
        float[][] inputs) {

    /**
     * Predictions without inputs ({@code inputs} null).
     *
     * @param activations activated outputs per item (probabilities for classification), N×C
     * @param targets targets per item (see the record's description)
     * @param decoded decoded predictions per item, or null if not asked
     * @param losses per-item losses, or null if not asked
     * @param indices the dataset index of each item
     */
    public Preds(float[][] activations, float[][] targets, float[][] decoded, float[] losses, int[] indices) {
        this(activations, targets, decoded, losses, indices, null);
    }

    /** {@return the number of items} */
    public int size() {
        return indices.length;
    }
}
