package org.fastai4j.metrics;

/**
 * fastai's {@code AvgMetric}: a function computed on each batch, averaged over batches weighted by
 * batch size ({@code total += value * bs; value = total / count}, bs the target's first dimension).
 */
public final class AvgMetric extends HostMetric {

    /** The value of one batch, from host copies of the raw prediction and the target. */
    @FunctionalInterface
    public interface BatchFunction {
        /**
         * Computes the metric on one batch.
         *
         * @param pred host copy of the model's raw output for the batch (before any activation)
         * @param target host copy of the batch's targets
         * @return the metric's mean value over the batch's items
         */
        double apply(HostArray pred, HostArray target);
    }

    private final BatchFunction func;
    private double total;
    private long count;

    /**
     * @param name the column name
     * @param func the per-batch value
     */
    public AvgMetric(String name, BatchFunction func) {
        super(name);
        if (name == null || name.isBlank() || func == null) {
            throw new IllegalArgumentException("AvgMetric: name and function are required, got name=" + name);
        }
        this.func = func;
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
    }

    @Override
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
