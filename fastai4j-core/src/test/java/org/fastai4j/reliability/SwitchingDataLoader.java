package org.fastai4j.reliability;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Optional;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;

/**
 * TEST FIXTURE: a loader that yields {@code normal}'s batches, except that batch {@code badBatch}
 * of epoch {@code badEpoch} comes from {@code other} (e.g. rows of another width: a shape the model
 * does not expect, discovered mid-epoch).
 */
final class SwitchingDataLoader implements DataLoader {
    private final DataLoader normal;
    private final DataLoader other;
    private final int badEpoch;
    private final int badBatch;

    SwitchingDataLoader(DataLoader normal, DataLoader other, int badEpoch, int badBatch) {
        this.normal = normal;
        this.other = other;
        this.badEpoch = badEpoch;
        this.badBatch = badBatch;
    }

    @Override
    public int size() {
        return normal.size();
    }

    @Override
    public int itemCount() {
        return normal.itemCount();
    }

    @Override
    public int bs() {
        return normal.bs();
    }

    @Override
    public boolean training() {
        return normal.training();
    }

    @Override
    public Optional<Vocab> vocab() {
        return normal.vocab();
    }

    @Override
    public Device device() {
        return normal.device();
    }

    @Override
    public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
        CloseableIterator<Batch> it = normal.iterator(parent, epoch);
        return new CloseableIterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Batch next() {
                Batch b = it.next();
                if (epoch == badEpoch && i++ == badBatch) {
                    int[] idx = b.indices();
                    b.close();
                    return other.itemsAt(idx, parent);
                }
                return b;
            }

            @Override
            public void close() {
                it.close();
            }
        };
    }

    @Override
    public Batch itemsAt(int[] indices, NDManager parent) {
        return normal.itemsAt(indices, parent);
    }

    @Override
    public NDArray decodeInputs(NDArray x) {
        return normal.decodeInputs(x);
    }

    @Override
    public String describeItem(int index) {
        return normal.describeItem(index);
    }
}
