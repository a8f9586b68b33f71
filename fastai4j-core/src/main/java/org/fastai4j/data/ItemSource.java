package org.fastai4j.data;

/**
 * Where a {@link ThreadedDataLoader} gets its items: a fixed number of items, each loaded (decoded
 * and item-transformed) into host memory by a worker thread. Implementations must be safe to call
 * from several threads at once and must not create NDArrays that outlive {@link #load} (libtorch's
 * state is per thread; workers hand plain Java buffers to the consumer).
 */
public interface ItemSource {

    /** The number of items. */
    int size();

    /**
     * Loads item {@code index}: its input and target after the item transforms, drawing any
     * randomness from {@code ctx.seed()} only.
     *
     * @throws Exception when the item cannot be read or transformed (e.g. a bad file)
     */
    Sample load(int index, ItemContext ctx) throws Exception;

    /** A short text naming item {@code index} (its file path, its dataset index). */
    String describe(int index);

    /** The item transforms this source applies (default: none known). */
    default java.util.List<ItemTransform<?>> itemTfms() {
        return java.util.List.of();
    }

    /**
     * A source of the same kind and transforms over new raw inputs {@code xs} (targets are
     * placeholders), for {@link DataLoader#testDl}. Optional: the default refuses.
     */
    default ItemSource withItems(java.util.List<?> xs) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot load new items");
    }
}
