package org.fastai4j.learner.testing;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import org.fastai4j.core.Seeds;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;

/**
 * TEST FIXTURE: an in-memory {@link DataLoader} over float rows and integer class targets. The
 * training loader shuffles (seeded by loader seed and epoch) and drops the last partial batch;
 * the validation loader keeps order and every item. Inputs are float32 N×D, targets int64 N.
 */
public final class ArrayDataLoader implements DataLoader {
    private final float[][] x;
    private final long[] y;
    private final int bs;
    private final boolean training;
    private final boolean shuffle;
    private final long seed;
    private final Vocab vocab;
    private float augmentStep;

    /** A loader over {@code x} (rows) and class indices {@code y}; a training loader shuffles. */
    public ArrayDataLoader(float[][] x, long[] y, int bs, boolean training, long seed, Vocab vocab) {
        this(x, y, bs, training, training, seed, vocab);
    }

    /** A loader that shuffles only if {@code shuffle} (a training loader still drops the last partial batch). */
    public ArrayDataLoader(float[][] x, long[] y, int bs, boolean training, boolean shuffle, long seed, Vocab vocab) {
        if (x.length != y.length || bs < 1) {
            throw new IllegalArgumentException("x and y differ in length or bs < 1");
        }
        this.x = x;
        this.y = y;
        this.bs = bs;
        this.training = training;
        this.shuffle = shuffle;
        this.seed = seed;
        this.vocab = vocab;
    }

    @Override
    public int size() {
        return training ? x.length / bs : (x.length + bs - 1) / bs;
    }

    @Override
    public int itemCount() {
        return x.length;
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
        return Device.cpu();
    }

    /** The order of one epoch's items. */
    public int[] order(int epoch) {
        int[] idx = new int[x.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (shuffle) {
            Random r = new Random(Seeds.derive(seed, epoch));
            for (int i = idx.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        return idx;
    }

    /** fastai's {@code test_dl}: a validation loader over new rows ({@code float[]} items), targets 0. */
    @Override
    public DataLoader testDl(java.util.List<?> items) {
        float[][] rows = new float[items.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = (float[]) items.get(i);
        }
        return new ArrayDataLoader(rows, new long[rows.length], bs, false, false, seed, vocab);
    }

    /**
     * In order, nothing dropped, with a deterministic stand-in for random augmentation: every input
     * value of epoch {@code e} is shifted by {@code 0.05·(e + 1)}.
     */
    @Override
    public DataLoader augmentedDl() {
        ArrayDataLoader a = new ArrayDataLoader(x, y, bs, false, false, seed, vocab);
        a.augmentStep = 0.05f;
        return a;
    }

    @Override
    public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
        int[] order = order(epoch);
        int batches = size();
        return new CloseableIterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = next * bs;
                int to = Math.min(from + bs, order.length);
                next++;
                int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                Batch b = itemsAt(idx, parent);
                if (augmentStep != 0) {
                    b.xs().head().addi(augmentStep * (epoch + 1));
                }
                return b;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Batch itemsAt(int[] indices, NDManager parent) {
        NDManager m = parent.newSubManager();
        float[][] xs = new float[indices.length][];
        long[] ys = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            xs[i] = x[indices[i]];
            ys[i] = y[indices[i]];
        }
        return new Batch(m, new NDList(m.create(xs)), new NDList(m.create(ys)), indices);
    }

    @Override
    public NDArray decodeInputs(NDArray x) {
        return x;
    }

    @Override
    public String describeItem(int index) {
        return "item " + index;
    }
}
