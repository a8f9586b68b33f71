package org.fastai4j.benchmarks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.IntStream;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;

/**
 * A {@link DataLoader} over batches already in Java memory: each batch is copied into a new
 * NDArray per iteration (one copy, as a real loader's collation does), with no decoding and no
 * worker threads, so a benchmark times the training loop alone.
 */
final class MemoryLoader implements DataLoader {
    private final List<float[]> xs;
    private final List<long[]> ys;
    private final Shape shape;
    private final int classes;
    private final int batches;
    private final boolean training;

    /** {@code batches} batches per epoch cycling through the given data (all of shape {@code shape}). */
    MemoryLoader(List<float[]> xs, List<long[]> ys, Shape shape, int classes, int batches, boolean training) {
        this.xs = List.copyOf(xs);
        this.ys = List.copyOf(ys);
        this.shape = shape;
        this.classes = classes;
        this.batches = batches;
        this.training = training;
    }

    /** Synthetic data: {@code distinct} different batches of {@code shape}, labels below {@code classes}. */
    static MemoryLoader synthetic(Shape shape, int classes, int distinct, int batches, boolean training, long seed) {
        List<float[]> x = IntStream.range(0, distinct).mapToObj(i -> BareLoop.inputs(shape, seed + i)).toList();
        List<long[]> y = IntStream.range(0, distinct)
                .mapToObj(i -> BareLoop.labels((int) shape.get(0), classes, seed + i)).toList();
        return new MemoryLoader(x, y, shape, classes, batches, training);
    }

    float[] x(int i) {
        return xs.get(i % xs.size());
    }

    long[] y(int i) {
        return ys.get(i % ys.size());
    }

    Shape shape() {
        return shape;
    }

    @Override
    public int size() {
        return batches;
    }

    @Override
    public int itemCount() {
        return batches * bs();
    }

    @Override
    public int bs() {
        return (int) shape.get(0);
    }

    @Override
    public boolean training() {
        return training;
    }

    @Override
    public Optional<Vocab> vocab() {
        return Optional.of(new Vocab(IntStream.range(0, classes).mapToObj(i -> "c" + i).toList()));
    }

    @Override
    public Device device() {
        return Device.cpu();
    }

    @Override
    public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
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
                return batch(next++, parent);
            }

            @Override
            public void close() {
                next = batches;
            }
        };
    }

    private Batch batch(int i, NDManager parent) {
        NDManager m = parent.newSubManager();
        NDArray x = m.create(x(i), shape);
        NDArray y = m.create(y(i));
        int[] idx = IntStream.range(i * bs(), (i + 1) * bs()).toArray();
        return new Batch(m, new NDList(x), new NDList(y), idx);
    }

    @Override
    public Batch itemsAt(int[] indices, NDManager parent) {
        NDManager m = parent.newSubManager();
        Shape one = new Shape(indices.length, shape.get(1), shape.get(2), shape.get(3));
        float[] data = new float[(int) one.size()];
        System.arraycopy(x(0), 0, data, 0, data.length);
        long[] labels = new long[indices.length];
        System.arraycopy(y(0), 0, labels, 0, labels.length);
        return new Batch(m, new NDList(m.create(data, one)), new NDList(m.create(labels)), indices.clone());
    }

    @Override
    public NDArray decodeInputs(NDArray x) {
        return x;
    }

    @Override
    public String describeItem(int index) {
        return "synthetic item " + index;
    }
}
