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

    /** The number of batches one epoch yields. */
    int size();

    /** The number of items in the dataset. */
    int itemCount();

    /** The batch size. */
    int bs();

    /** True for the training loader (shuffle, drop last, random transforms on). */
    boolean training();

    /** The vocabulary of a categorical target, if there is one. */
    Optional<Vocab> vocab();

    /** The device batches are put on. */
    Device device();

    /**
     * Iterates one epoch. Each batch is created in a new sub-manager of {@code parent} and must be
     * closed by the caller; closing the iterator early stops the workers.
     */
    CloseableIterator<Batch> iterator(NDManager parent, int epoch);

    /**
     * The items at {@code indices}, through item and batch transforms as this loader applies them
     * without randomness (validation mode), in a new sub-manager of {@code parent}.
     */
    Batch itemsAt(int[] indices, NDManager parent);

    /** Undoes the batch transforms that can be undone (normalization), for display. */
    NDArray decodeInputs(NDArray x);

    /** A short text naming item {@code index} (e.g. its file path), for reports and errors. */
    String describeItem(int index);

    /** The batch transforms this loader applies, in the order they run (default: none). */
    default List<BatchTransform> batchTfms() {
        return List.of();
    }

    /**
     * A loader over the same items and settings with {@code tfm} added to the batch transforms
     * (sorted by {@link BatchTransform#order()}); this loader is unchanged. Optional: a loader that
     * cannot rebuild itself throws {@link UnsupportedOperationException} naming its class.
     */
    default DataLoader withBatchTransform(BatchTransform tfm) {
        throw new UnsupportedOperationException(
                getClass().getName() + " cannot add batch transforms; add " + tfm.describe() + " when building it");
    }

    /**
     * The item transforms this loader applies, sorted by order (default: none known); used by
     * {@code Learner.export} to record the inference pipeline.
     */
    default List<ItemTransform<?>> itemTfms() {
        return List.of();
    }

    /**
     * fastai's {@code dls.test_dl(items)}: a validation-mode loader (in order, nothing dropped, no
     * random transforms) over new raw items (e.g. image files) with this loader's item and batch
     * transforms, batch size and vocabulary. Targets are placeholders (class 0). Optional: a
     * loader that cannot do it throws {@link UnsupportedOperationException} naming its class.
     */
    default DataLoader testDl(List<?> items) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot build a test loader over new items");
    }

    /**
     * This loader's items in order with nothing dropped but the random (training-mode) transforms
     * on, for test-time augmentation (fastai's {@code tta}). Optional: the default refuses.
     */
    default DataLoader augmentedDl() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot apply training transforms in order");
    }

    /** An iterator that must be closed. */
    interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
        @Override
        void close();
    }
}
