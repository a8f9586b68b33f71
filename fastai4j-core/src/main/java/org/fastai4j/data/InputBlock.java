package org.fastai4j.data;

import java.util.List;
import java.util.Optional;

/**
 * The input side of a {@link DataBlock} (fastai's {@code ImageBlock} and friends): turns what
 * {@code getX} returns (e.g. a file path) into a host tensor in a loader worker, applying the item
 * transforms on the way, and names the batch transforms every such input needs (an image block
 * adds {@code IntToFloat}, as fastai's {@code ImageBlock} adds {@code IntToFloatTensor}).
 */
public interface InputBlock {

    /**
     * Loads one input and applies {@code itemTfms} (sorted by order) with {@code ctx}.
     *
     * @throws Exception when the input cannot be read (for files: an {@code IOException} naming it)
     */
    HostTensor load(Object x, List<ItemTransform<?>> itemTfms, ItemContext ctx) throws Exception;

    /** Batch transforms this block always adds (default none). */
    default List<BatchTransform> batchTfms() {
        return List.of();
    }

    /**
     * Checks that {@code x} can be loaded, without transforming it (for {@code skipBad}).
     *
     * @return empty if fine, otherwise what is wrong, naming the input
     */
    default Optional<String> check(Object x) {
        return Optional.empty();
    }

    /** {@return a short text naming {@code x} in errors and reports} */
    default String describe(Object x) {
        return String.valueOf(x);
    }
}
