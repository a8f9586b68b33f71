package org.fastai4j.data;

import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One epoch of a {@link ThreadedDataLoader}: worker threads load the items of at most
 * {@code prefetch} batches ahead; batches are delivered in order on the consumer thread, which
 * stacks them into NDArrays. Closing it (or reaching the end) stops the workers.
 */
final class PrefetchIterator implements DataLoader.CloseableIterator<Batch> {
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final ThreadedDataLoader loader;
    private final NDManager parent;
    private final int epoch;
    private final int[] order;
    private final int batches;
    private final ThreadPoolExecutor pool;
    private final ArrayDeque<List<Future<Sample>>> pending = new ArrayDeque<>();
    private int submitted;
    private int delivered;
    private boolean closed;

    PrefetchIterator(ThreadedDataLoader loader, NDManager parent, int epoch) {
        this.loader = loader;
        this.parent = parent;
        this.epoch = epoch;
        this.order = loader.order(epoch);
        this.batches = loader.size();
        int workers = loader.workers();
        if (workers > 0) {
            pool = new ThreadPoolExecutor(workers, workers, 2, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), daemonThreads());
            pool.allowCoreThreadTimeOut(true);
        } else {
            pool = null;
        }
        fill();
    }

    private static ThreadFactory daemonThreads() {
        int id = POOL_IDS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fastai4j-loader-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
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
            FutureTask<Sample> task = new FutureTask<>(() -> loader.loadItem(index, epoch));
            if (pool != null) {
                pool.execute(task);
            } else {
                task.run();
            }
            futures.add(task);
        }
        return futures;
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
            throw new IllegalStateException("The epoch iterator was closed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (List<Future<Sample>> batch : pending) {
            batch.forEach(f -> f.cancel(true));
        }
        pending.clear();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** True once every worker thread has ended (for tests). */
    boolean awaitWorkersStopped(long millis) throws InterruptedException {
        return pool == null || pool.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
