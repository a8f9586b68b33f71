package org.fastai4j.learner;

import java.util.function.DoubleUnaryOperator;

/**
 * TEMPORARY: fastai's schedule functions used by the recipes, until {@code org.fastai4j.optim}
 * provides {@code Schedules}; then the recipes use those and this class goes.
 * {@code combine_scheds} cumulates the percentages in float32 and computes the position inside
 * a phase in float32, exactly as fastai's tensor arithmetic does.
 */
final class CosSchedules {
    private CosSchedules() {}

    /** fastai's {@code sched_cos}. */
    static DoubleUnaryOperator cos(double start, double end) {
        return pos -> start + (1 + Math.cos(Math.PI * (1 - pos))) * (end - start) / 2;
    }

    /** fastai's {@code sched_exp}. */
    static DoubleUnaryOperator exp(double start, double end) {
        return pos -> start * Math.pow(end / start, pos);
    }

    /** fastai's {@code combine_scheds}. */
    static DoubleUnaryOperator combine(double[] pcts, DoubleUnaryOperator[] scheds) {
        float[] cum = new float[pcts.length + 1];
        for (int i = 0; i < pcts.length; i++) {
            cum[i + 1] = cum[i] + (float) pcts[i];
        }
        int lim = cum.length - 2;
        return pos -> {
            float p = (float) pos;
            int idx = 0;
            for (int i = 0; i < cum.length; i++) {
                if (p >= cum[i]) {
                    idx = i;
                }
            }
            idx = Math.min(idx, lim);
            float actual = (p - cum[idx]) / (cum[idx + 1] - cum[idx]);
            return scheds[idx].applyAsDouble(actual);
        };
    }

    /** fastai's {@code combined_cos(pct, start, middle, end)}. */
    static DoubleUnaryOperator combinedCos(double pct, double start, double middle, double end) {
        return combine(new double[] {pct, 1 - pct},
                new DoubleUnaryOperator[] {cos(start, middle), cos(middle, end)});
    }
}
