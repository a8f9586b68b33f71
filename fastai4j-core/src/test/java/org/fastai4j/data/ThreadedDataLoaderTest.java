package org.fastai4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThreadedDataLoaderTest {

    /** Item i: x = [i, random byte from the item seed] uint8, y = i int64. */
    static final class Numbers implements ItemSource {
        final int n;
        final int failAt;

        Numbers(int n, int failAt) {
            this.n = n;
            this.failAt = failAt;
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public Sample load(int index, ItemContext ctx) throws IOException {
            if (index == failAt) {
                throw new IOException("broken file item-" + index + ".png");
            }
            byte r = (byte) new SplittableRandom(ctx.seed()).nextInt(256);
            return new Sample(HostTensor.ofUint8(new byte[] {(byte) index, r}, 2),
                    HostTensor.ofLong(index), index);
        }

        @Override
        public String describe(int index) {
            return "item-" + index + ".png";
        }
    }

    static ThreadedDataLoader loader(int n, boolean training, int workers) {
        return ThreadedDataLoader.builder(new Numbers(n, -1)).setBs(4).optTraining(training)
                .optSeed(7).optWorkers(workers).optDevice(Device.cpu()).build();
    }

    /** Every batch of one epoch as rows {x0, x1, y}. */
    static List<long[]> epoch(DataLoader dl, int epoch) {
        List<long[]> rows = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, epoch)) {
            while (it.hasNext()) {
                try (Batch b = it.next()) {
                    NDArray x = b.xs().singletonOrThrow();
                    assertThat(x.getDataType()).isEqualTo(DataType.UINT8);
                    assertThat(b.size()).isEqualTo(x.getShape().get(0));
                    byte[] xs = x.toByteArray();
                    long[] ys = b.ys().singletonOrThrow().toLongArray();
                    for (int i = 0; i < ys.length; i++) {
                        rows.add(new long[] {xs[2 * i] & 0xff, xs[2 * i + 1] & 0xff, ys[i]});
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void validationYieldsEveryItemOnceInOrder() {
        DataLoader dl = loader(10, false, 2);
        assertThat(dl.size()).isEqualTo(3); // ceil(10 / 4)
        List<long[]> rows = epoch(dl, 0);
        assertThat(rows.stream().mapToLong(r -> r[2]).toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void trainingShufflesPerEpochDropsLastAndIsReproducible() {
        DataLoader dl = loader(10, true, 3);
        assertThat(dl.size()).isEqualTo(2); // floor(10 / 4)
        List<long[]> e0 = epoch(dl, 0);
        assertThat(e0).hasSize(8);
        Set<Long> distinct = new HashSet<>();
        e0.forEach(r -> distinct.add(r[2]));
        assertThat(distinct).hasSize(8);
        long[] order0 = e0.stream().mapToLong(r -> r[2]).toArray();
        long[] again = epoch(loader(10, true, 1), 0).stream().mapToLong(r -> r[2]).toArray();
        long[] order1 = epoch(dl, 1).stream().mapToLong(r -> r[2]).toArray();
        assertThat(again).containsExactly(order0);
        assertThat(Arrays.equals(order0, order1)).isFalse();
        assertThat(order0).isNotEqualTo(new long[] {0, 1, 2, 3, 4, 5, 6, 7});
    }

    @Test
    void multiThreadedEqualsSingleThreaded() {
        for (int epoch = 0; epoch < 3; epoch++) {
            List<long[]> single = epoch(loader(37, true, 0), epoch);
            List<long[]> multi = epoch(loader(37, true, 4), epoch);
            assertThat(multi).hasSize(single.size());
            for (int i = 0; i < single.size(); i++) {
                assertThat(multi.get(i)).containsExactly(single.get(i));
            }
        }
    }

    @Test
    void workerExceptionIsRethrownNamingTheItem() {
        DataLoader dl = ThreadedDataLoader.builder(new Numbers(12, 9)).setBs(4)
                .optWorkers(2).optDevice(Device.cpu()).build();
        assertThatThrownBy(() -> epoch(dl, 0))
                .isInstanceOf(ItemLoadException.class)
                .hasMessageContaining("item-9.png")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void closedBatchesLeaveNoArraysInTheParent() {
        DataLoader dl = loader(20, true, 2);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            try (DataLoader.CloseableIterator<Batch> it = dl.iterator(m, 0)) {
                Batch open = it.next();
                assertThat(m.getManagedArrays()).isNotEmpty();
                open.close();
                while (it.hasNext()) {
                    it.next().close();
                }
            }
            assertThat(m.getManagedArrays()).isEmpty();
        }
    }

    @Test
    void closingEarlyStopsLoadingTheEpochsItems() throws Exception {
        DataLoader dl = loader(400, true, 3);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            PrefetchIterator it = (PrefetchIterator) dl.iterator(m, 0);
            it.next().close();
            it.close();
            assertThat(it.awaitWorkersStopped(5000)).isTrue();
            assertThat(it.hasNext()).isFalse();
        }
    }

    /** {@link Numbers} that records the threads loading it, optionally slowly. */
    static final class Recording implements ItemSource {
        final Numbers numbers;
        final long sleepMillis;
        final Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Recording(int n, long sleepMillis) {
            this.numbers = new Numbers(n, -1);
            this.sleepMillis = sleepMillis;
        }

        @Override
        public int size() {
            return numbers.size();
        }

        @Override
        public Sample load(int index, ItemContext ctx) throws Exception {
            threads.add(Thread.currentThread());
            Thread.sleep(sleepMillis);
            return numbers.load(index, ctx);
        }

        @Override
        public String describe(int index) {
            return numbers.describe(index);
        }
    }

    @Test
    void workerThreadsAreKeptAcrossEpochsAndEndOnClose() throws Exception {
        Recording src = new Recording(24, 0);
        ThreadedDataLoader dl = ThreadedDataLoader.builder(src).setBs(4).optTraining(true)
                .optSeed(7).optWorkers(2).optDevice(Device.cpu()).build();
        List<long[]> first = epoch(dl, 0);
        epoch(dl, 1);
        epoch(dl, 2);
        // three epochs, one pool: at most the 2 workers ever loaded an item, all daemon threads
        assertThat(src.threads).hasSizeBetween(1, 2);
        assertThat(src.threads).allSatisfy(t -> {
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).startsWith("fastai4j-loader-");
        });
        java.util.concurrent.ExecutorService pool = dl.pool();
        dl.close();
        assertThat(pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        for (Thread t : src.threads) {
            t.join(5000);
            assertThat(t.isAlive()).isFalse();
        }
        // a closed loader starts a new pool when iterated again, with the same batches
        List<long[]> again = epoch(dl, 0);
        assertThat(again).hasSize(first.size());
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).containsExactly(first.get(i));
        }
        dl.close();
    }

    @Test
    void closingTheLoaderDuringAnEpochFailsThatEpochClearly() {
        ThreadedDataLoader dl = ThreadedDataLoader.builder(new Recording(40, 5)).setBs(4)
                .optTraining(true).optWorkers(1).optPrefetch(3).optDevice(Device.cpu()).build();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, 0)) {
            it.next().close();
            dl.close();
            // 10 batches, 3 ahead: the rest can no longer be loaded
            assertThatThrownBy(() -> {
                while (it.hasNext()) {
                    it.next().close();
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void batchTransformsRunInOrderWithTheBatchManager() {
        List<String> calls = new ArrayList<>();
        BatchTransform late = new BatchTransform() {
            @Override
            public NDArray apply(NDArray x, BatchContext ctx) {
                calls.add("late");
                return x;
            }

            @Override
            public int order() {
                return 99;
            }
        };
        BatchTransform early = new BatchTransform() {
            @Override
            public NDArray apply(NDArray x, BatchContext ctx) {
                calls.add("early:" + ctx.training());
                return x.toType(DataType.FLOAT32, false).div(255);
            }

            @Override
            public int order() {
                return 10;
            }
        };
        DataLoader dl = ThreadedDataLoader.builder(new Numbers(5, -1)).setBs(5)
                .optBatchTfms(List.of(late, early)).optDevice(Device.cpu()).build();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                Batch b = dl.itemsAt(new int[] {3, 1}, m)) {
            assertThat(calls).containsExactly("early:false", "late");
            assertThat(b.xs().singletonOrThrow().getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(b.indices()).containsExactly(3, 1);
            assertThat(b.xs().singletonOrThrow().toFloatArray()[0]).isEqualTo(3f / 255f);
        }
    }

    @Test
    void tooSmallTrainingSetIsRejected() {
        assertThatThrownBy(() -> ThreadedDataLoader.builder(new Numbers(3, -1)).setBs(4)
                .optTraining(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bs=4");
    }
}
