package org.fastai4j.data;

import java.util.List;

/** Splits items into training and validation indices, fastai's {@code splitter}. */
@FunctionalInterface
public interface Splitter {
    /**
     * Splits {@code items}.
     *
     * @param items all the items of the data block, in order
     * @return the indices (into {@code items}) of the training and of the validation items
     */
    Split split(List<?> items);
}
