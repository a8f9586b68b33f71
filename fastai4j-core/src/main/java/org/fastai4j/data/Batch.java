package org.fastai4j.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * One batch on the model's device: inputs {@code xs}, targets {@code ys}, and the dataset index of
 * each item. The batch owns its manager; closing the batch frees every array created in it.
 */
public final class Batch implements AutoCloseable {
    private final NDManager manager;
    private final NDList xs;
    private final NDList ys;
    private final int[] indices;

    /**
     * Wraps arrays that all belong to {@code manager}; the batch takes ownership of the manager.
     *
     * @param manager the batch's own scope, closed by {@link #close()}
     * @param xs the model inputs, batch dimension first, attached to {@code manager}
     * @param ys the targets, batch dimension first, attached to {@code manager} (may be empty for
     *     unlabelled data)
     * @param indices the dataset index of each item, in batch order (copied)
     */
    public Batch(NDManager manager, NDList xs, NDList ys, int[] indices) {
        this.manager = manager;
        this.xs = xs;
        this.ys = ys;
        this.indices = indices.clone();
    }

    /** {@return the batch scope; arrays made while handling this batch should live here} */
    public NDManager manager() {
        return manager;
    }

    /** {@return the inputs (usually one array, N×C×H×W for images)} */
    public NDList xs() {
        return xs;
    }

    /** {@return the targets (usually one array)} */
    public NDList ys() {
        return ys;
    }

    /** {@return the dataset index of each item, in batch order} */
    public int[] indices() {
        return indices.clone();
    }

    /** {@return the number of items} */
    public int size() {
        return indices.length;
    }

    @Override
    public void close() {
        manager.close();
    }
}
