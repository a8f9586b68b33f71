package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.learner.testing.ForwardingDataLoader;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * A loader may hand out arrays that live in a manager of its own (a dataset kept on the device and
 * sliced per batch). What the forward pass derives from them must still be freed with each batch,
 * and the loader's arrays must survive the batch.
 */
class ForeignBatchArraysTest {

    @Test
    void activationsOfArraysFromALongLivedManagerAreFreedWithTheBatch() {
        DataLoaders plain = SyntheticLearners.data(81);
        try (NDManager store = NDManager.newBaseManager();
                Learner learn = Learner.builder(
                                new DataLoaders(new StoredBatches(plain.train(), store), new StoredBatches(plain.valid(), store)),
                                Linear.builder().setUnits(2).build())
                        .optSilent(true).build()) {
            int stored = store.getManagedArrays().size();
            assertThat(stored).isEqualTo(2 * (plain.train().size() + plain.valid().size()));
            learn.fit(1, Lr.of(1e-2));
            int live = learn.manager().getManagedArrays().size();
            learn.fitOneCycle(3, 1e-2);
            learn.validate();
            assertThat(store.getManagedArrays()).as("the loader's own arrays, nothing derived from them").hasSize(stored);
            assertThat(store.getManagedArrays()).allMatch(a -> !a.isReleased());
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            assertThat(learn.recorder().values()).isNotEmpty();
        }
    }

    /** Every batch of {@code source}, copied once into {@code store} and handed out from there. */
    private static final class StoredBatches extends ForwardingDataLoader {
        private final List<NDArray[]> batches = new ArrayList<>();
        private final List<int[]> indices = new ArrayList<>();

        StoredBatches(DataLoader source, NDManager store) {
            super(source);
            try (DataLoader.CloseableIterator<Batch> it = source.iterator(store, 0)) {
                while (it.hasNext()) {
                    try (Batch b = it.next()) {
                        NDArray x = b.xs().head();
                        NDArray y = b.ys().head();
                        x.attach(store);
                        y.attach(store);
                        batches.add(new NDArray[] {x, y});
                        indices.add(b.indices());
                    }
                }
            }
        }

        @Override
        public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
            return new CloseableIterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < batches.size();
                }

                @Override
                public Batch next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    NDArray[] b = batches.get(next);
                    return new Batch(parent.newSubManager(), new NDList(b[0]), new NDList(b[1]), indices.get(next++));
                }

                @Override
                public void close() {}
            };
        }
    }
}
