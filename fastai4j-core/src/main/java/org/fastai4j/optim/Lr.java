package org.fastai4j.optim;

import java.util.Arrays;

/**
 * A learning rate for one or several parameter groups, fastai's {@code lr} argument: a single
 * value ({@link #of}), {@code slice(b)} ({@link #max}), {@code slice(a, b)} ({@link #range}) or an
 * explicit value per group ({@link #perGroup}).
 */
public final class Lr {
    private enum Kind { SINGLE, MAX, RANGE, EXPLICIT }

    private final Kind kind;
    private final double[] values;

    private Lr(Kind kind, double... values) {
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("learning rate must be positive and finite, got " + v);
            }
        }
        this.kind = kind;
        this.values = values.clone();
    }

    /**
     * {@return the same learning rate for every group}
     *
     * @param lr the learning rate
     */
    public static Lr of(double lr) {
        return new Lr(Kind.SINGLE, lr);
    }

    /**
     * fastai's {@code slice(b)}: {@code b} for the last group, {@code b/10} for all others.
     *
     * @param b the learning rate of the last group
     * @return the learning rate
     */
    public static Lr max(double b) {
        return new Lr(Kind.MAX, b);
    }

    /**
     * fastai's {@code slice(a, b)}: spread geometrically from {@code a} (first group) to {@code b} (last).
     *
     * @param a the learning rate of the first group
     * @param b the learning rate of the last group
     * @return the learning rate
     */
    public static Lr range(double a, double b) {
        return new Lr(Kind.RANGE, a, b);
    }

    /**
     * One learning rate per group, in group order.
     *
     * @param lrs the learning rates
     * @return the learning rate
     */
    public static Lr perGroup(double... lrs) {
        if (lrs.length == 0) {
            throw new IllegalArgumentException("perGroup needs at least one learning rate");
        }
        return new Lr(Kind.EXPLICIT, lrs);
    }

    /** {@return the largest learning rate (the last group's), as fastai's schedules use for {@code lr_max}} */
    public double last() {
        return values[values.length - 1];
    }

    /**
     * {@return this learning rate scaled by {@code factor} (fastai: {@code lr_max/div})}
     *
     * @param factor the multiplier applied to every value, e.g. {@code 1/25} for fastai's {@code div}
     */
    public Lr times(double factor) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new Lr(kind, v);
    }

    /**
     * {@return the value for each of {@code n} groups, as fastai's {@code Learner._set_lr}/{@code even_mults}}
     *
     * @param n the number of parameter groups
     */
    public double[] forGroups(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("group count must be at least 1, got " + n);
        }
        double[] out = new double[n];
        switch (kind) {
            case SINGLE -> Arrays.fill(out, values[0]);
            case MAX -> {
                Arrays.fill(out, values[0] / 10);
                out[n - 1] = values[0];
            }
            case RANGE -> {
                if (n == 1) {
                    out[0] = values[1];
                } else {
                    double step = Math.pow(values[1] / values[0], 1.0 / (n - 1));
                    for (int i = 0; i < n; i++) {
                        out[i] = values[0] * Math.pow(step, i);
                    }
                }
            }
            case EXPLICIT -> {
                if (values.length != n) {
                    throw new IllegalArgumentException(
                            "got " + values.length + " learning rates for " + n + " parameter groups");
                }
                System.arraycopy(values, 0, out, 0, n);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SINGLE -> Double.toString(values[0]);
            case MAX -> "slice(" + values[0] + ")";
            case RANGE -> "slice(" + values[0] + ", " + values[1] + ")";
            case EXPLICIT -> Arrays.toString(values);
        };
    }
}
