package org.fastai4j.data;

import java.util.List;

/** A dataset that knows its class names (index order); {@link DatasetLoaders} reads them. */
public interface VocabSource {
    /** {@return the class names, in class-index order} */
    List<String> classNames();
}
