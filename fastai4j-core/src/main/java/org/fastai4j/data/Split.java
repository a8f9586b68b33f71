package org.fastai4j.data;

/**
 * The result of a {@link Splitter}: indices of the training items and of the validation items.
 *
 * @param train indices of training items
 * @param valid indices of validation items
 */
public record Split(int[] train, int[] valid) {
    /**
     * Copies the arrays.
     *
     * @param train indices of training items
     * @param valid indices of validation items
     */
    public Split {
        train = train.clone();
        valid = valid.clone();
    }

    /**
     * A copy of the training indices.
     *
     * @return a copy of the training indices
     */
    @Override
    public int[] train() {
        return train.clone();
    }

    /**
     * A copy of the validation indices.
     *
     * @return a copy of the validation indices
     */
    @Override
    public int[] valid() {
        return valid.clone();
    }
}
