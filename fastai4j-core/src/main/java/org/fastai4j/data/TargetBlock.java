package org.fastai4j.data;

import java.util.List;
import java.util.Optional;

/**
 * The target side of a {@link DataBlock} (fastai's {@code CategoryBlock}, {@code
 * MultiCategoryBlock}, {@code RegressionBlock}): set up from the training labels only, then encodes
 * each label into a host tensor.
 */
public interface TargetBlock {

    /**
     * Sets up from the training labels (e.g. builds the sorted vocabulary).
     *
     * @param trainLabels the labels of the training items only, as {@code getY} returned them
     * @return the encoder for every label (training and validation)
     */
    Encoder setup(List<?> trainLabels);

    /** A target block set up on the training labels. */
    interface Encoder {
        /**
         * Encodes one label.
         *
         * @param label a label as {@code getY} returned it
         * @return the encoded target, e.g. a scalar int64 class index
         * @throws IllegalArgumentException for a label it cannot encode (e.g. not in the vocab)
         */
        HostTensor encode(Object label);

        /** {@return the vocabulary, for categorical targets; empty for others (e.g. regression)} */
        Optional<Vocab> vocab();
    }
}
