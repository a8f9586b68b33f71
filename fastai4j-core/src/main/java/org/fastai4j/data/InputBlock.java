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
     * Loads one input and applies {@code itemTfms} (sorted by order) with {@code ctx}. Runs on a
     * loader worker thread: it must be thread-safe and leave no NDArray behind.
     *
     * @param x the raw input, as {@code getX} returned it (e.g. an image file's path)
     * @param itemTfms the item transforms to apply, already sorted by ascending order
     * @param ctx the item's seed and whether it is a training item (random transforms act only then)
     * @return the loaded and transformed input in host memory
     * @throws Exception when the input cannot be read (for files: an {@code IOException} naming it)
     */
    HostTensor load(Object x, List<ItemTransform<?>> itemTfms, ItemContext ctx) throws Exception;

    /**
     * Batch transforms this block always adds (default none), e.g. an image block's
     * {@code IntToFloat}.
     *
     * @return the transforms, run with the user's batch transforms in ascending order
     */
    default List<BatchTransform> batchTfms() {
        return List.of();
    }

    /**
     * Checks that {@code x} can be loaded, without transforming it (for {@code skipBad}).
     *
     * @param x the raw input, as {@code getX} returned it
     * @return empty if fine, otherwise what is wrong, naming the input
     */
    default Optional<String> check(Object x) {
        return Optional.empty();
    }

    /**
     * Names an input in errors and reports.
     *
     * @param x the raw input, as {@code getX} returned it
     * @return a short text naming {@code x} (default: {@code String.valueOf(x)}, e.g. the file path)
     */
    default String describe(Object x) {
        return String.valueOf(x);
    }
}
