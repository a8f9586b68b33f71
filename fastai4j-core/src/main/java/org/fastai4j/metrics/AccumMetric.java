package org.fastai4j.metrics;

import java.util.Arrays;

/**
 * fastai's {@code AccumMetric}: every batch's predictions (after the activation below and an
 * optional threshold) and targets are flattened and kept as Java arrays; the function runs once,
 * on all of them, when the value is read.
 */
public final class AccumMetric extends HostMetric {

    /** What is done to the raw prediction before it is kept (fastai's {@code ActivationType}/{@code dim_argmax}). */
    public enum Activation {
        /** Kept as is. */
        NONE,
        /** Argmax over the last axis (fastai's {@code dim_argmax=-1}). */
        ARGMAX,
        /** Softmax over the last axis, last column kept (fastai's {@code BinarySoftmax}). */
        BINARY_SOFTMAX,
        /** Logistic sigmoid. */
        SIGMOID
    }

    /** The metric of everything accumulated. */
    @FunctionalInterface
    public interface AccumFunction {
        /**
         * The metric of everything accumulated.
         *
         * @param preds the prepared predictions, flattened
         * @param targets the targets, flattened
         * @return the metric
         */
        double apply(double[] preds, double[] targets);
    }

    private final Activation activation;
    private final double thresh;
    private final AccumFunction func;
    private double[] preds = new double[64];
    private double[] targets = new double[64];
    private int size;

    /**
     * @param name the column name
     * @param activation what is done to the raw prediction
     * @param thresh NaN for none, else predictions become 1 when {@code >= thresh} and 0 otherwise
     * @param func the metric of all predictions and targets
     */
    public AccumMetric(String name, Activation activation, double thresh, AccumFunction func) {
        super(name);
        if (name == null || name.isBlank() || activation == null || func == null) {
            throw new IllegalArgumentException(
                    "AccumMetric: name, activation and function are required, got name=" + name);
        }
        this.activation = activation;
        this.thresh = thresh;
        this.func = func;
    }

    @Override
    public void reset() {
        size = 0;
    }

    @Override
    public void accumulate(HostArray pred, HostArray target) {
        double[] p = switch (activation) {
            case NONE -> pred.values();
            case ARGMAX -> pred.argmaxLastAxis();
            case BINARY_SOFTMAX -> pred.softmaxLastColumn();
            case SIGMOID -> pred.sigmoid();
        };
        if (!Double.isNaN(thresh)) {
            double[] b = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                b[i] = p[i] >= thresh ? 1 : 0;
            }
            p = b;
        }
        double[] t = target.values();
        if (p.length != t.length) {
            throw new IllegalArgumentException(name() + ": " + p.length + " predictions (after " + activation
                    + ") but " + t.length + " targets in a batch; shapes " + Arrays.toString(pred.shape())
                    + " and " + Arrays.toString(target.shape()));
        }
        ensure(size + p.length);
        System.arraycopy(p, 0, preds, size, p.length);
        System.arraycopy(t, 0, targets, size, t.length);
        size += p.length;
    }

    private void ensure(int capacity) {
        if (capacity > preds.length) {
            int n = Math.max(capacity, preds.length * 2);
            preds = Arrays.copyOf(preds, n);
            targets = Arrays.copyOf(targets, n);
        }
    }

    /** {@return the number of values accumulated} */
    public int count() {
        return size;
    }

    @Override
    public double value() {
        if (size == 0) {
            return Double.NaN;
        }
        return func.apply(Arrays.copyOf(preds, size), Arrays.copyOf(targets, size));
    }
}
