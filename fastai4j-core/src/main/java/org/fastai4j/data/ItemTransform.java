package org.fastai4j.data;

/**
 * A transform applied to one item in a loader worker, before batching (fastai's {@code item_tfms},
 * e.g. {@code Resize}). It runs in host memory (no NDArrays outliving the call) and draws any
 * randomness from {@link ItemContext#seed()}, so results do not depend on thread timing. Transforms
 * run in ascending {@link #order()}; a block converts its items to {@link #itemType()} before
 * calling.
 *
 * @param <T> the item representation it works on (e.g. a decoded image, or {@link HostTensor})
 */
public interface ItemTransform<T> {

    /**
     * Transforms one item: returns the input itself or a new item. It never frees the input; the
     * caller frees the input when a new item is returned (e.g. releases an OpenCV Mat).
     *
     * @param item the item to transform
     * @param ctx the item's seed and training flag
     * @return {@code item} itself or a new item
     */
    T apply(T item, ItemContext ctx);

    /** {@return the item representation this transform works on} */
    Class<T> itemType();

    /**
     * Position in the pipeline; lower runs first (fastai: Resize and RandomResizedCrop are 1).
     *
     * @return the order (default 0)
     */
    default int order() {
        return 0;
    }

    /** {@return a short description for the export manifest and reports} */
    default String describe() {
        return getClass().getSimpleName();
    }
}
