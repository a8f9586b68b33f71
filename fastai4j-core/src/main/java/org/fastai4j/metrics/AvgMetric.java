package org.fastai4j.metrics;

import ai.djl.ndarray.NDArray;

/**
 * fastai's {@code AvgMetric}: a function computed on each batch, averaged over batches weighted by
 * batch size ({@code total += value * bs; value = total / count}, bs the target's first dimension).
 */
public final class AvgMetric implements Metric {

    /** The value of one batch, from host copies of the raw prediction and the target. */
    @FunctionalInterface
    public interface BatchFunction {
        /** The metric of one batch. */
        double apply(HostArray pred, HostArray target);
    }

    private final String name;
    private final BatchFunction func;
    private double total;
    private long count;

    /**
     * @param name the column name
     * @param func the per-batch value
     */
    public AvgMetric(String name, BatchFunction func) {
        if (name == null || name.isBlank() || func == null) {
            throw new IllegalArgumentException("AvgMetric: name and function are required, got name=" + name);
        }
        this.name = name;
        this.func = func;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
    }

    @Override
    public void accumulate(NDArray pred, NDArray target) {
        HostArray t = HostArray.of(target);
        accumulate(HostArray.of(pred), t);
    }

    /** Adds one batch given as host arrays. */
    public void accumulate(HostArray pred, HostArray target) {
        long bs = target.batchSize();
        total += func.apply(pred, target) * bs;
        count += bs;
    }

    @Override
    public double value() {
        return count == 0 ? Double.NaN : total / count;
    }
}
