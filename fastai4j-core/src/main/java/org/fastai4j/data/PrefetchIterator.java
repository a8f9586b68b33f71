package org.fastai4j.data;

import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One epoch of a {@link ThreadedDataLoader}: the loader's worker threads load the items of at
 * most {@code prefetch} batches ahead; batches are delivered in order on the consumer thread,
 * which stacks them into NDArrays. Closing it (or reaching the end) cancels the items not loaded
 * yet; the threads stay with the loader for its next epoch.
 */
final class PrefetchIterator implements DataLoader.CloseableIterator<Batch> {
    private final ThreadedDataLoader loader;
    private final NDManager parent;
    private final int epoch;
    private final int[] order;
    private final int batches;
    private final ExecutorService pool;
    private final ArrayDeque<List<Future<Sample>>> pending = new ArrayDeque<>();
    /** Items of this epoch being loaded right now. */
    private final AtomicInteger active = new AtomicInteger();
    private int submitted;
    private int delivered;
    private volatile boolean closed;

    PrefetchIterator(ThreadedDataLoader loader, NDManager parent, int epoch) {
        this.loader = loader;
        this.parent = parent;
        this.epoch = epoch;
        this.order = loader.order(epoch);
        this.batches = loader.size();
        this.pool = loader.workers() > 0 ? loader.pool() : null;
        fill();
    }

    private void fill() {
        if (pool == null) {
            return;
        }
        while (submitted < batches && pending.size() < loader.prefetch()) {
            pending.add(submitBatch(submitted++));
        }
    }

    private List<Future<Sample>> submitBatch(int b) {
        int bs = loader.bs();
        int end = Math.min(order.length, (b + 1) * bs);
        List<Future<Sample>> futures = new ArrayList<>(end - b * bs);
        for (int i = b * bs; i < end; i++) {
            int index = order[i];
            FutureTask<Sample> task = new FutureTask<>(() -> load(index));
            if (pool != null) {
                try {
                    pool.execute(task);
                } catch (RejectedExecutionException e) {
                    close();
                    throw new IllegalStateException("The loader was closed during the epoch", e);
                }
            } else {
                task.run();
            }
            futures.add(task);
        }
        return futures;
    }

    private Sample load(int index) {
        active.incrementAndGet();
        try {
            if (closed) {
                throw new CancellationException("the epoch iterator was closed");
            }
            return loader.loadItem(index, epoch);
        } finally {
            active.decrementAndGet();
        }
    }

    @Override
    public boolean hasNext() {
        return !closed && delivered < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("The epoch has no more batches (or was closed)");
        }
        List<Future<Sample>> futures = pool == null ? submitBatch(delivered) : pending.poll();
        fill();
        List<Sample> samples = new ArrayList<>(futures.size());
        for (Future<Sample> f : futures) {
            samples.add(await(f));
        }
        int b = delivered++;
        if (delivered == batches) {
            close();
        }
        try {
            return loader.collate(samples, parent, epoch, b, loader.randomTransforms());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Sample await(Future<Sample> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof ItemLoadException ile) {
                throw ile;
            }
            throw new IllegalStateException("Loader worker failed: " + cause, cause);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a batch", e);
        } catch (CancellationException e) {
            close();
            throw new IllegalStateException("The epoch iterator (or its loader) was closed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (List<Future<Sample>> batch : pending) {
            batch.forEach(f -> f.cancel(false));
        }
        pending.clear();
    }

    /** True once no item of this epoch is loading any more (for tests). */
    boolean awaitWorkersStopped(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (active.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
