package org.fastai4j.learner.testing;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;

/**
 * TEST FIXTURE: a loader that answers everything as {@code source} does; subclasses change how an
 * epoch's batches are handed out by overriding {@link #iterator}.
 */
public abstract class ForwardingDataLoader implements DataLoader {
    /** The loader everything not overridden is forwarded to. */
    protected final DataLoader source;

    /** @param source the loader to forward to */
    protected ForwardingDataLoader(DataLoader source) {
        this.source = source;
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public int itemCount() {
        return source.itemCount();
    }

    @Override
    public int bs() {
        return source.bs();
    }

    @Override
    public boolean training() {
        return source.training();
    }

    @Override
    public Optional<Vocab> vocab() {
        return source.vocab();
    }

    @Override
    public Device device() {
        return source.device();
    }

    @Override
    public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
        return source.iterator(parent, epoch);
    }

    @Override
    public Batch itemsAt(int[] indices, NDManager parent) {
        return source.itemsAt(indices, parent);
    }

    @Override
    public NDArray decodeInputs(NDArray x) {
        return source.decodeInputs(x);
    }

    @Override
    public String describeItem(int index) {
        return source.describeItem(index);
    }
}
