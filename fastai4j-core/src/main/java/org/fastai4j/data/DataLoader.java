package org.fastai4j.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Batches of one dataset, fastai's {@code DataLoader}: shuffled with the last partial batch
 * dropped for training, in order and complete for validation. Each epoch's iteration is
 * reproducible from the loader's seed and the epoch number.
 */
public interface DataLoader {

    /** {@return the number of batches one epoch yields} */
    int size();

    /** {@return the number of items in the dataset} */
    int itemCount();

    /** {@return the batch size} */
    int bs();

    /** {@return true for the training loader (shuffle, drop last, random transforms on)} */
    boolean training();

    /** {@return the vocabulary of a categorical target, if there is one} */
    Optional<Vocab> vocab();

    /** {@return the device batches are put on} */
    Device device();

    /**
     * Iterates one epoch. Each batch is created in a new sub-manager of {@code parent} and must be
     * closed by the caller; closing the iterator early stops the workers.
     *
     * @param parent the manager the batches' sub-managers come from
     * @param epoch the epoch number, which seeds the order and the random transforms
     * @return the batches of one epoch
     */
    CloseableIterator<Batch> iterator(NDManager parent, int epoch);

    /**
     * The items at {@code indices}, through item and batch transforms as this loader applies them
     * without randomness (validation mode), in a new sub-manager of {@code parent}.
     *
     * @param indices the dataset indices of the items
     * @param parent the manager the batch's sub-manager comes from
     * @return one batch of those items, to be closed by the caller
     */
    Batch itemsAt(int[] indices, NDManager parent);

    /**
     * Undoes the batch transforms that can be undone (normalization), for display.
     *
     * @param x a batch of inputs as this loader yields them
     * @return the inputs with those transforms undone
     */
    NDArray decodeInputs(NDArray x);

    /**
     * {@return a short text naming item {@code index} (e.g. its file path), for reports and errors}
     *
     * @param index the dataset index of the item
     */
    String describeItem(int index);

    /** {@return the batch transforms this loader applies, in the order they run (default: none)} */
    default List<BatchTransform> batchTfms() {
        return List.of();
    }

    /**
     * A loader over the same items and settings with {@code tfm} added to the batch transforms
     * (sorted by {@link BatchTransform#order()}); this loader is unchanged. Optional: a loader that
     * cannot rebuild itself throws {@link UnsupportedOperationException} naming its class.
     *
     * @param tfm the batch transform to add
     * @return the new loader
     */
    default DataLoader withBatchTransform(BatchTransform tfm) {
        throw new UnsupportedOperationException(
                getClass().getName() + " cannot add batch transforms; add " + tfm.describe() + " when building it");
    }

    /**
     * The item transforms this loader applies, sorted by order (default: none known); used by
     * {@code Learner.export} to record the inference pipeline.
     *
     * @return the item transforms in the order they run; empty when none are known
     */
    default List<ItemTransform<?>> itemTfms() {
        return List.of();
    }

    /**
     * fastai's {@code dls.test_dl(items)}: a validation-mode loader (in order, nothing dropped, no
     * random transforms) over new raw items (e.g. image files) with this loader's item and batch
     * transforms, batch size and vocabulary. Targets are placeholders (class 0). Optional: a
     * loader that cannot do it throws {@link UnsupportedOperationException} naming its class.
     *
     * @param items the new raw items, of the kind this loader's dataset holds (e.g. image paths)
     * @return a validation-mode loader over {@code items}, in their order
     * @throws UnsupportedOperationException if this loader cannot build one (the default)
     */
    default DataLoader testDl(List<?> items) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot build a test loader over new items");
    }

    /**
     * This loader's items in order with nothing dropped but the random (training-mode) transforms
     * on, for test-time augmentation (fastai's {@code tta}). Optional: the default refuses.
     *
     * @return a loader over the same items, in order, with the training-mode random transforms
     * @throws UnsupportedOperationException if this loader cannot build one (the default)
     */
    default DataLoader augmentedDl() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot apply training transforms in order");
    }

    /**
     * An iterator that must be closed.
     *
     * @param <T> the element type
     */
    interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
        @Override
        void close();
    }
}
