package org.fastai4j.data;

/**
 * Where a {@link ThreadedDataLoader} gets its items: a fixed number of items, each loaded (decoded
 * and item-transformed) into host memory by a worker thread. Implementations must be safe to call
 * from several threads at once and must not create NDArrays that outlive {@link #load} (libtorch's
 * state is per thread; workers hand plain Java buffers to the consumer).
 */
public interface ItemSource {

    /** {@return the number of items} */
    int size();

    /**
     * Loads item {@code index}: its input and target after the item transforms, drawing any
     * randomness from {@code ctx.seed()} only.
     *
     * @param index the item's index, from 0 to {@code size() - 1}
     * @param ctx the item's seed (derived from run seed, epoch and index) and whether it is for
     *     training (random transforms act only then)
     * @return the item's input and target in host memory, with {@code index}
     * @throws Exception when the item cannot be read or transformed (e.g. a bad file)
     */
    Sample load(int index, ItemContext ctx) throws Exception;

    /**
     * Names an item in errors and reports.
     *
     * @param index the item's index, from 0 to {@code size() - 1}
     * @return a short text naming item {@code index} (its file path, its dataset index)
     */
    String describe(int index);

    /**
     * The item transforms this source applies (default: none known).
     *
     * @return the item transforms in the order they run; empty when none are known
     */
    default java.util.List<ItemTransform<?>> itemTfms() {
        return java.util.List.of();
    }

    /**
     * A source of the same kind and transforms over new raw inputs {@code xs} (targets are
     * placeholders), for {@link DataLoader#testDl}. Optional: the default refuses.
     *
     * @param xs the new raw inputs, of the kind this source loads (e.g. image paths)
     * @return a source over {@code xs}, in their order
     * @throws UnsupportedOperationException if this source cannot do it (the default)
     */
    default ItemSource withItems(java.util.List<?> xs) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot load new items");
    }
}
