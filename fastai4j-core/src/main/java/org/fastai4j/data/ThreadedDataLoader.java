package org.fastai4j.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fastai4j.core.Devices;
import org.fastai4j.core.Seeds;

/**
 * The {@link DataLoader} implementation: worker threads load items of an {@link ItemSource} into
 * host buffers, at most {@code prefetch} batches ahead; the consumer thread stacks each batch into
 * one NDArray per tensor in a new sub-manager of the caller's manager, on the loader's device, and
 * applies the batch transforms in ascending {@link BatchTransform#order()}.
 *
 * <p>Reproducibility: the training order of epoch {@code e} is a permutation drawn from
 * {@code Seeds.derive(seed, e)}; item {@code i} of epoch {@code e} gets the seed
 * {@code Seeds.derive(seed, e, i)}; batch {@code b} gets {@code Seeds.derive(seed, e, b)} for its
 * batch transforms (with a distinct salt, see {@link #batchSeed}). Results are the same whatever
 * the number of workers.
 *
 * <p>Threads: the workers are one pool per loader, started at the first epoch and kept for the
 * next ones (a new thread per epoch would also open new native malloc arenas); they are daemon
 * threads, end by themselves after {@value #KEEP_ALIVE_SECONDS} s without work, and {@link
 * #close()} ends them at once. A closed loader can still be iterated: it starts a new pool.
 */
public final class ThreadedDataLoader implements DataLoader, AutoCloseable {
    /** Salt separating batch seeds from item seeds. */
    private static final long BATCH_SALT = 0x6261746368L;

    /** How long an idle worker thread waits for the next epoch before it ends. */
    static final long KEEP_ALIVE_SECONDS = 60;

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final ItemSource source;
    private final int bs;
    private final boolean training;
    private final boolean augment;
    private final long seed;
    private final int workers;
    private final int prefetch;
    private final Device device;
    private final List<BatchTransform> batchTfms;
    private final Vocab vocab;
    private ThreadPoolExecutor pool;

    private ThreadedDataLoader(Builder b) {
        this.source = b.source;
        this.bs = b.bs;
        this.training = b.training;
        this.augment = b.augment;
        this.seed = b.seed;
        this.workers = b.workers;
        this.prefetch = b.prefetch;
        this.device = b.device == null ? Devices.defaultDevice() : b.device;
        List<BatchTransform> sorted = new ArrayList<>(b.batchTfms);
        sorted.sort(Comparator.comparingInt(BatchTransform::order)); // stable for equal orders
        this.batchTfms = List.copyOf(sorted);
        this.vocab = b.vocab;
    }

    /**
     * {@return a builder over {@code source}}
     *
     * @param source the items and how to load them
     */
    public static Builder builder(ItemSource source) {
        return new Builder(source);
    }

    @Override
    public ThreadedDataLoader withBatchTransform(BatchTransform tfm) {
        java.util.Objects.requireNonNull(tfm, "tfm");
        List<BatchTransform> all = new java.util.ArrayList<>(batchTfms);
        all.add(tfm);
        return toBuilder().optBatchTfms(all).build();
    }

    /** {@return a builder preset with this loader's settings (e.g. to derive the validation loader)} */
    public Builder toBuilder() {
        Builder b = new Builder(source).setBs(bs).optTraining(training).optSeed(seed)
                .optWorkers(workers).optPrefetch(prefetch).optDevice(device)
                .optBatchTfms(batchTfms);
        return vocab == null ? b : b.optVocab(vocab);
    }

    @Override
    public int size() {
        int n = source.size();
        return training ? n / bs : (n + bs - 1) / bs;
    }

    @Override
    public int itemCount() {
        return source.size();
    }

    @Override
    public int bs() {
        return bs;
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public Optional<Vocab> vocab() {
        return Optional.ofNullable(vocab);
    }

    @Override
    public Device device() {
        return device;
    }

    /** {@return the run seed} */
    public long seed() {
        return seed;
    }

    /** {@return the number of worker threads (0: items load on the consumer thread)} */
    public int workers() {
        return workers;
    }

    /** {@return the number of batches loaded ahead} */
    public int prefetch() {
        return prefetch;
    }

    /** The batch transforms, in the order they run. */
    @Override
    public List<BatchTransform> batchTfms() {
        return batchTfms;
    }

    /** {@return the item source} */
    public ItemSource source() {
        return source;
    }

    @Override
    public List<ItemTransform<?>> itemTfms() {
        return source.itemTfms();
    }

    /** A validation-mode loader over new items with this loader's settings (fastai's {@code test_dl}). */
    @Override
    public ThreadedDataLoader testDl(List<?> items) {
        Objects.requireNonNull(items, "items");
        Builder b = new Builder(source.withItems(items)).setBs(bs).optTraining(false).optSeed(seed)
                .optWorkers(workers).optPrefetch(prefetch).optDevice(device).optBatchTfms(batchTfms);
        return vocab == null ? b.build() : b.optVocab(vocab).build();
    }

    /**
     * This loader's items in order, nothing dropped, with the random (training-mode) item and batch
     * transforms on: what fastai's {@code tta} iterates ({@code dl.dataset.set_split_idx(0)}).
     */
    @Override
    public ThreadedDataLoader augmentedDl() {
        Builder b = toBuilder().optTraining(false);
        b.augment = true;
        return b.build();
    }

    /**
     * Whether items and batches get random transforms.
     *
     * @return true for a training loader or one from {@link #augmentedDl()}, false otherwise
     */
    public boolean randomTransforms() {
        return training || augment;
    }

    /**
     * {@return the item order of {@code epoch}: shuffled for training, identity for validation}
     *
     * @param epoch the epoch number
     */
    public int[] order(int epoch) {
        int n = source.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (training) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    @Override
    public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
        Objects.requireNonNull(parent, "parent");
        return new PrefetchIterator(this, parent, epoch);
    }

    /**
     * This loader's worker pool, started on first use (and again after {@link #close()}).
     *
     * @return the pool, with {@link #workers()} daemon threads
     */
    synchronized ExecutorService pool() {
        if (pool == null) {
            int id = POOL_IDS.incrementAndGet();
            AtomicInteger n = new AtomicInteger();
            pool = new ThreadPoolExecutor(workers, workers, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "fastai4j-loader-" + id + "-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /**
     * Ends the worker threads now (they also end by themselves after {@value
     * #KEEP_ALIVE_SECONDS} s idle). Items still queued are cancelled: an epoch iterating at that
     * moment fails with an {@link IllegalStateException}. Iterating again later starts a new pool.
     */
    @Override
    public void close() {
        ThreadPoolExecutor p;
        synchronized (this) {
            p = pool;
            pool = null;
        }
        if (p != null) {
            for (Runnable queued : p.shutdownNow()) {
                if (queued instanceof Future<?> f) {
                    f.cancel(false);
                }
            }
        }
    }

    @Override
    public Batch itemsAt(int[] indices, NDManager parent) {
        if (indices.length == 0) {
            throw new IllegalArgumentException("itemsAt needs at least one index");
        }
        List<Sample> samples = new ArrayList<>(indices.length);
        for (int index : indices) {
            if (index < 0 || index >= source.size()) {
                throw new IllegalArgumentException(
                        "Item index " + index + " is outside 0.." + (source.size() - 1));
            }
            samples.add(loadItem(index, new ItemContext(Seeds.derive(seed, -1, index), false)));
        }
        return collate(samples, parent, -1, 0, false);
    }

    @Override
    public NDArray decodeInputs(NDArray x) {
        NDArray out = x;
        for (int i = batchTfms.size() - 1; i >= 0; i--) {
            out = batchTfms.get(i).decode(out);
        }
        return out;
    }

    @Override
    public String describeItem(int index) {
        return source.describe(index);
    }

    /**
     * {@return the seed of batch {@code batchIndex} of {@code epoch}}
     *
     * @param epoch the epoch number
     * @param batchIndex the batch's index in the epoch
     */
    public long batchSeed(int epoch, int batchIndex) {
        return Seeds.derive(seed ^ BATCH_SALT, epoch, batchIndex);
    }

    Sample loadItem(int index, int epoch) {
        return loadItem(index, new ItemContext(Seeds.derive(seed, epoch, index), randomTransforms()));
    }

    private Sample loadItem(int index, ItemContext ctx) {
        try {
            return Objects.requireNonNull(source.load(index, ctx), "source returned null");
        } catch (Exception | Error e) {
            if (e instanceof ItemLoadException ile) {
                throw ile;
            }
            throw new ItemLoadException(index, source.describe(index), e);
        }
    }

    Batch collate(List<Sample> samples, NDManager parent, int epoch, int batchIndex, boolean train) {
        int[] indices = samples.stream().mapToInt(Sample::index).toArray();
        NDManager manager = parent.newSubManager(device);
        try {
            NDArray x = Collate.stack(samples.stream().map(Sample::x).toList(), indices, manager,
                    "input", source::describe);
            NDArray y = Collate.stack(samples.stream().map(Sample::y).toList(), indices, manager,
                    "target", source::describe);
            BatchContext ctx = new BatchContext(train, batchSeed(epoch, batchIndex), manager);
            for (BatchTransform t : batchTfms) {
                x = t.apply(x, ctx);
            }
            return new Batch(manager, new NDList(x), new NDList(y), indices);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Builds a {@link ThreadedDataLoader}; {@link #build()} validates every field. */
    public static final class Builder {
        private final ItemSource source;
        private int bs = 64;
        private boolean training;
        private boolean augment;
        private long seed = 42;
        private int workers = Math.min(Runtime.getRuntime().availableProcessors(), 4);
        private int prefetch = 3;
        private Device device;
        private List<BatchTransform> batchTfms = List.of();
        private Vocab vocab;

        private Builder(ItemSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * The batch size (default 64).
         *
         * @param bs the batch size, >= 1
         * @return this builder
         */
        public Builder setBs(int bs) {
            this.bs = bs;
            return this;
        }

        /**
         * True for a training loader: shuffled, last partial batch dropped, random transforms.
         *
         * @param training true for a training loader
         * @return this builder
         */
        public Builder optTraining(boolean training) {
            this.training = training;
            return this;
        }

        /**
         * The run seed (default 42).
         *
         * @param seed the run seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Worker threads (default min(cores, 4)); 0 loads on the consumer thread.
         *
         * @param workers the number of worker threads, >= 0
         * @return this builder
         */
        public Builder optWorkers(int workers) {
            this.workers = workers;
            return this;
        }

        /**
         * Batches loaded ahead (default 3).
         *
         * @param prefetch the number of batches loaded ahead, >= 1
         * @return this builder
         */
        public Builder optPrefetch(int prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        /**
         * The device batches go to (default {@code Devices.defaultDevice()}).
         *
         * @param device the device
         * @return this builder
         */
        public Builder optDevice(Device device) {
            this.device = device;
            return this;
        }

        /**
         * The batch transforms (run in ascending order).
         *
         * @param tfms the transforms
         * @return this builder
         */
        public Builder optBatchTfms(List<? extends BatchTransform> tfms) {
            this.batchTfms = List.copyOf(tfms);
            return this;
        }

        /**
         * The target's vocabulary.
         *
         * @param vocab the vocabulary
         * @return this builder
         */
        public Builder optVocab(Vocab vocab) {
            this.vocab = Objects.requireNonNull(vocab, "vocab");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the loader
         */
        public ThreadedDataLoader build() {
            LoaderOptions.check(bs, workers, prefetch);
            if (training && source.size() < bs) {
                throw new IllegalArgumentException("The training set has " + source.size()
                        + " items, fewer than one batch of bs=" + bs
                        + " (the last partial batch is dropped): lower bs");
            }
            return new ThreadedDataLoader(this);
        }
    }
}
