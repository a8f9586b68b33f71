package org.fastai4j.reliability;

import ai.djl.ndarray.NDManager;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.learner.testing.ForwardingDataLoader;

/**
 * TEST FIXTURE: a loader that yields {@code normal}'s batches, except that batch {@code badBatch}
 * of epoch {@code badEpoch} comes from {@code other} (e.g. rows of another width: a shape the model
 * does not expect, discovered mid-epoch).
 */
final class SwitchingDataLoader extends ForwardingDataLoader {
    private final DataLoader other;
    private final int badEpoch;
    private final int badBatch;

    SwitchingDataLoader(DataLoader normal, DataLoader other, int badEpoch, int badBatch) {
        super(normal);
        this.other = other;
        this.badEpoch = badEpoch;
        this.badBatch = badBatch;
    }

    @Override
    public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
        CloseableIterator<Batch> it = source.iterator(parent, epoch);
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
}
