package org.fastai4j.optim;

import java.util.Arrays;

/**
 * fastai's schedule functions ({@code callback/schedule.py}) and the schedules its fit recipes
 * build: {@link #oneCycleLr}/{@link #oneCycleMom} ({@code fit_one_cycle}), {@link #flatCos}
 * ({@code fit_flat_cos}) and {@link #sgdr} ({@code fit_sgdr}). All are pure functions of
 * {@code pos}; a {@code ParamScheduler} evaluates them at {@code pct_train} before every batch.
 */
public final class Schedules {
    private Schedules() {
    }

    /**
     * fastai's {@code SchedLin}: {@code start + pos*(end-start)}.
     *
     * @param start the value at the start
     * @param end the value at the end
     * @return the schedule
     */
    public static Schedule lin(double start, double end) {
        return pos -> start + pos * (end - start);
    }

    /**
     * fastai's {@code SchedCos}: {@code start + (1 + cos(pi*(1-pos))) * (end-start) / 2}.
     *
     * @param start the value at the start
     * @param end the value at the end
     * @return the schedule
     */
    public static Schedule cos(double start, double end) {
        return pos -> start + (1 + Math.cos(Math.PI * (1 - pos))) * (end - start) / 2;
    }

    /**
     * fastai's {@code SchedNo}: always {@code start}.
     *
     * @param start the value at the start
     * @return the schedule
     */
    public static Schedule no(double start) {
        return pos -> start;
    }

    /**
     * fastai's {@code SchedExp}: {@code start * (end/start)^pos}.
     *
     * @param start the value at the start
     * @param end the value at the end
     * @return the schedule
     */
    public static Schedule exp(double start, double end) {
        return pos -> start * Math.pow(end / start, pos);
    }

    /**
     * fastai's {@code SchedPoly}: {@code start + (end-start) * pos^power}.
     *
     * @param start the value at the start
     * @param end the value at the end
     * @param power the exponent of the position
     * @return the schedule
     */
    public static Schedule poly(double start, double end, double power) {
        return pos -> start + (end - start) * Math.pow(pos, power);
    }

    /**
     * fastai's {@code combine_scheds}: schedule {@code i} runs over the {@code i}-th fraction
     * {@code pcts[i]} of training, fed its own progress from 0 to 1. As fastai, the cumulative
     * bounds and the local position are computed in float32 (fastai keeps them in a float tensor),
     * position {@code pos} belongs to the last bound it reaches ({@code pos >= bound}), and
     * positions at or past 1 go to the last schedule.
     *
     * @param pcts non-negative fractions summing to 1
     * @param schedules one schedule per fraction
     * @throws IllegalArgumentException if the lengths differ, a fraction is negative, or they do
     *     not sum to 1
     * @return the schedule
     */
    public static Schedule combined(double[] pcts, Schedule... schedules) {
        if (pcts.length == 0 || pcts.length != schedules.length) {
            throw new IllegalArgumentException("combined needs one pct per schedule, got " + pcts.length
                    + " pcts and " + schedules.length + " schedules");
        }
        double sum = 0;
        for (double p : pcts) {
            if (!(p >= 0)) {
                throw new IllegalArgumentException("pcts must be non-negative, got " + Arrays.toString(pcts));
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("pcts must sum to 1, got " + Arrays.toString(pcts) + " (sum " + sum + ")");
        }
        float[] bounds = new float[pcts.length + 1];
        for (int i = 0; i < pcts.length; i++) {
            bounds[i + 1] = bounds[i] + (float) pcts[i];
        }
        Schedule[] scheds = schedules.clone();
        int last = pcts.length - 1;
        return pos -> {
            if (!(pos >= 0)) {
                throw new IllegalArgumentException("schedule position must be >= 0, got " + pos);
            }
            float p = (float) pos;
            int idx = 0;
            for (int i = 0; i < bounds.length; i++) {
                if (p >= bounds[i]) {
                    idx = i;
                }
            }
            idx = Math.min(idx, last);
            float actual = (p - bounds[idx]) / (bounds[idx + 1] - bounds[idx]);
            return scheds[idx].at(actual);
        };
    }

    /**
     * fastai's {@code combined_cos}: cosine {@code start → middle} over {@code pct}, then {@code middle → end}.
     *
     * @param pct the fraction of training taken by the first phase
     * @param start the value at the start
     * @param middle the value at the end of the first phase
     * @param end the value at the end
     * @return the schedule
     */
    public static Schedule combinedCos(double pct, double start, double middle, double end) {
        return combined(new double[] {pct, 1 - pct}, cos(start, middle), cos(middle, end));
    }

    /**
     * The learning-rate schedule of fastai's {@code fit_one_cycle}:
     * {@code combined_cos(pctStart, lrMax/div, lrMax, lrMax/divFinal)}.
     *
     * @param lrMax the peak learning rate
     * @param div the start divisor (start lr = lrMax / div)
     * @param divFinal the final divisor (the schedule ends at its peak / divFinal)
     * @param pctStart the fraction of training taken by the first phase
     * @return the schedule
     */
    public static Schedule oneCycleLr(double lrMax, double div, double divFinal, double pctStart) {
        return combinedCos(pctStart, lrMax / div, lrMax, lrMax / divFinal);
    }

    /**
     * {@link #oneCycleLr(double, double, double, double)} with fastai's defaults (div 25, divFinal 1e5, pctStart 0.25).
     *
     * @param lrMax the peak learning rate
     * @return the schedule
     */
    public static Schedule oneCycleLr(double lrMax) {
        return oneCycleLr(lrMax, 25.0, 1e5, 0.25);
    }

    /**
     * {@return the momentum schedule of {@code fit_one_cycle}: {@code combined_cos(pctStart, start, middle, end)}}
     *
     * @param start the value at the start
     * @param middle the value at the end of the first phase
     * @param end the value at the end
     * @param pctStart the fraction of training taken by the first phase
     */
    public static Schedule oneCycleMom(double start, double middle, double end, double pctStart) {
        return combinedCos(pctStart, start, middle, end);
    }

    /**
     * {@code fit_one_cycle}'s default momentum schedule: 0.95 → 0.85 → 0.95.
     *
     * @param pctStart the fraction of training taken by the first phase
     * @return the schedule
     */
    public static Schedule oneCycleMom(double pctStart) {
        return oneCycleMom(0.95, 0.85, 0.95, pctStart);
    }

    /**
     * The learning-rate schedule of fastai's {@code fit_flat_cos}: flat at {@code lr} for
     * {@code pctStart}, then cosine down to {@code lr/divFinal}
     * ({@code combined_cos(pctStart, lr, lr, lr/divFinal)}).
     *
     * @param lr the flat learning rate
     * @param divFinal the final divisor (the schedule ends at its peak / divFinal)
     * @param pctStart the fraction of training taken by the first phase
     * @return the schedule
     */
    public static Schedule flatCos(double lr, double divFinal, double pctStart) {
        return combinedCos(pctStart, lr, lr, lr / divFinal);
    }

    /**
     * {@link #flatCos(double, double, double)} with fastai's defaults (divFinal 1e5, pctStart 0.75).
     *
     * @param lr the flat learning rate
     * @return the schedule
     */
    public static Schedule flatCos(double lr) {
        return flatCos(lr, 1e5, 0.75);
    }

    /**
     * The number of epochs of fastai's {@code fit_sgdr}:
     * {@code cycleLen * (cycleMult^nCycles - 1) // (cycleMult - 1)}; {@code cycleLen * nCycles}
     * when {@code cycleMult == 1} (where fastai divides by zero).
     *
     * @param nCycles the number of cycles
     * @param cycleLen the number of epochs of the first cycle
     * @param cycleMult the factor each cycle is longer than the one before
     * @return the total number of epochs
     */
    public static int sgdrEpochs(int nCycles, int cycleLen, int cycleMult) {
        checkSgdr(nCycles, cycleLen, cycleMult);
        if (cycleMult == 1) {
            return Math.multiplyExact(cycleLen, nCycles);
        }
        long pow = 1;
        for (int i = 0; i < nCycles; i++) {
            pow = Math.multiplyExact(pow, (long) cycleMult);
        }
        return Math.toIntExact(Math.multiplyExact((long) cycleLen, pow - 1) / (cycleMult - 1));
    }

    /**
     * The learning-rate schedule of fastai's {@code fit_sgdr}: {@code nCycles} cosine annealings
     * from {@code lrMax} to 0, cycle {@code i} lasting {@code cycleLen * cycleMult^i} of the
     * {@link #sgdrEpochs} epochs.
     *
     * @param nCycles the number of cycles
     * @param cycleLen the number of epochs of the first cycle
     * @param lrMax the peak learning rate
     * @param cycleMult the factor each cycle is longer than the one before
     * @return the schedule
     */
    public static Schedule sgdr(int nCycles, int cycleLen, double lrMax, int cycleMult) {
        int nEpoch = sgdrEpochs(nCycles, cycleLen, cycleMult);
        double[] pcts = new double[nCycles];
        Schedule[] scheds = new Schedule[nCycles];
        for (int i = 0; i < nCycles; i++) {
            pcts[i] = cycleLen * Math.pow(cycleMult, i) / nEpoch;
            scheds[i] = cos(lrMax, 0);
        }
        return combined(pcts, scheds);
    }

    private static void checkSgdr(int nCycles, int cycleLen, int cycleMult) {
        if (nCycles < 1 || cycleLen < 1 || cycleMult < 1) {
            throw new IllegalArgumentException("sgdr needs nCycles, cycleLen and cycleMult >= 1, got nCycles="
                    + nCycles + ", cycleLen=" + cycleLen + ", cycleMult=" + cycleMult);
        }
    }
}
