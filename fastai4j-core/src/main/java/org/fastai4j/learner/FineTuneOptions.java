package org.fastai4j.learner;

/**
 * The optional arguments of fastai's {@code fine_tune}: {@code baseLr} (2e-3), {@code
 * freezeEpochs} (1), {@code lrMult} (100), {@code pctStart} (0.3) and {@code div} (5.0) of the
 * unfrozen cycle, and {@code cycle}: the other one-cycle options given to both cycles (fastai's
 * {@code **kwargs}: divFinal, wd, moms). Change one value with the {@code withX} methods.
 *
 * @param baseLr the peak learning rate of the frozen cycle; the unfrozen one peaks at {@code baseLr / 2}
 * @param freezeEpochs the number of epochs trained frozen
 * @param lrMult the ratio of the last to the first group's peak lr in the unfrozen cycle
 * @param pctStart the warm-up fraction of the unfrozen cycle
 * @param div the start-lr divisor of the unfrozen cycle
 * @param cycle the one-cycle options given to both cycles
 */
public record FineTuneOptions(double baseLr, int freezeEpochs, double lrMult, double pctStart, double div,
        OneCycleOptions cycle) {

    /** fastai's defaults. */
    public static final FineTuneOptions DEFAULTS = new FineTuneOptions(2e-3, 1, 100, 0.3, 5.0, OneCycleOptions.DEFAULTS);

    /**
     * Validates the values.
     *
     * @param baseLr the peak learning rate of the frozen cycle; the unfrozen one peaks at {@code baseLr / 2}
     * @param freezeEpochs the number of epochs trained frozen
     * @param lrMult the ratio of the last to the first group's peak lr in the unfrozen cycle
     * @param pctStart the warm-up fraction of the unfrozen cycle
     * @param div the start-lr divisor of the unfrozen cycle
     * @param cycle the one-cycle options given to both cycles
     */
    public FineTuneOptions {
        if (!(baseLr > 0) || Double.isInfinite(baseLr)) {
            throw new IllegalArgumentException("FineTuneOptions.baseLr must be positive and finite, got " + baseLr);
        }
        if (freezeEpochs < 0) {
            throw new IllegalArgumentException("FineTuneOptions.freezeEpochs must be >= 0, got " + freezeEpochs);
        }
        if (!(lrMult > 0) || Double.isInfinite(lrMult)) {
            throw new IllegalArgumentException("FineTuneOptions.lrMult must be positive and finite, got " + lrMult);
        }
        if (cycle == null) {
            throw new IllegalArgumentException("FineTuneOptions.cycle must not be null");
        }
        cycle.withPctStart(pctStart).withDiv(div); // validates pctStart and div
    }

    /**
     * A copy with another value.
     *
     * @param v the base learning rate
     * @return the new options
     */
    public FineTuneOptions withBaseLr(double v) { return new FineTuneOptions(v, freezeEpochs, lrMult, pctStart, div, cycle); }
    /**
     * A copy with another value.
     *
     * @param v the number of frozen epochs
     * @return the new options
     */
    public FineTuneOptions withFreezeEpochs(int v) { return new FineTuneOptions(baseLr, v, lrMult, pctStart, div, cycle); }
    /**
     * A copy with another value.
     *
     * @param v the ratio of the last to the first group's lr when unfrozen
     * @return the new options
     */
    public FineTuneOptions withLrMult(double v) { return new FineTuneOptions(baseLr, freezeEpochs, v, pctStart, div, cycle); }
    /**
     * A copy with another value.
     *
     * @param v the warm-up fraction of the unfrozen cycle
     * @return the new options
     */
    public FineTuneOptions withPctStart(double v) { return new FineTuneOptions(baseLr, freezeEpochs, lrMult, v, div, cycle); }
    /**
     * A copy with another value.
     *
     * @param v the start-lr divisor of the unfrozen cycle
     * @return the new options
     */
    public FineTuneOptions withDiv(double v) { return new FineTuneOptions(baseLr, freezeEpochs, lrMult, pctStart, v, cycle); }
    /**
     * A copy with another value.
     *
     * @param v the one-cycle options given to both cycles
     * @return the new options
     */
    public FineTuneOptions withCycle(OneCycleOptions v) { return new FineTuneOptions(baseLr, freezeEpochs, lrMult, pctStart, div, v); }
}
