package org.fastai4j.data;

import java.util.Objects;
import java.util.Optional;

/**
 * A training and a validation {@link DataLoader}, fastai's {@code DataLoaders}. The vocabulary is
 * the training loader's.
 */
public class DataLoaders {
    private final DataLoader train;
    private final DataLoader valid;

    /**
     * Pairs two loaders.
     *
     * @param train the training loader (or dataset)
     * @param valid the validation loader (or dataset)
     */
    public DataLoaders(DataLoader train, DataLoader valid) {
        this.train = Objects.requireNonNull(train, "train");
        this.valid = Objects.requireNonNull(valid, "valid");
    }

    /** {@return the training loader} */
    public DataLoader train() {
        return train;
    }

    /** {@return the validation loader} */
    public DataLoader valid() {
        return valid;
    }

    /**
     * Loaders over two DJL datasets with batch size {@code bs}, fastai's {@code from_dsets}; see
     * {@link DatasetLoaders} for the options, the vocabulary and the transform rule.
     *
     * @param train the training loader (or dataset)
     * @param valid the validation loader (or dataset)
     * @param bs the batch size
     * @return the loaders
     */
    public static DataLoaders fromDatasets(ai.djl.training.dataset.RandomAccessDataset train,
            ai.djl.training.dataset.RandomAccessDataset valid, int bs) {
        return DatasetLoaders.builder(train, valid).optBs(bs).build();
    }

    /**
     * New loaders with {@code tfm} added to both loaders' batch transforms (fastai's
     * {@code dls.add_tfms(..., 'after_batch')}, but leaving these loaders unchanged).
     *
     * @param tfm the batch transform to add
     * @return the loaders
     */
    public DataLoaders withBatchTransform(BatchTransform tfm) {
        return new DataLoaders(train.withBatchTransform(tfm), valid.withBatchTransform(tfm));
    }

    /** {@return the vocabulary of a categorical target, if there is one} */
    public Optional<Vocab> vocab() {
        return train.vocab();
    }
}
