package org.fastai4j.learner;

/**
 * What {@link Learner#predict} returns for one item, fastai's {@code (decoded, index, probs)}.
 *
 * @param label the decoded class name ({@code null} without a vocabulary or for multi-label and
 *     regression targets)
 * @param index the decoded class index ({@code -1} when the decoding is not one class)
 * @param probabilities the activated output (probabilities for classification), in vocabulary order
 */
public record Prediction(String label, int index, float[] probabilities) {

    /**
     * Copies the probabilities.
     *
     * @param label the decoded class name ({@code null} without a vocabulary or for multi-label and
     *     regression targets)
     * @param index the decoded class index ({@code -1} when the decoding is not one class)
     * @param probabilities the activated output (probabilities for classification), in vocabulary order
     */
    public Prediction {
        probabilities = probabilities.clone();
    }

    /**
     * A copy of the activated output.
     *
     * @return a copy of the probabilities (for classification), in vocabulary order
     */
    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
