package org.fastai4j.data;

import java.util.List;

/** Splits items into training and validation indices, fastai's {@code splitter}. */
@FunctionalInterface
public interface Splitter {
    /** Splits {@code items}. */
    Split split(List<?> items);
}
