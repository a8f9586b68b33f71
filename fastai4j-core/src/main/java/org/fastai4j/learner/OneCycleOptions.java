package org.fastai4j.learner;

/**
 * The optional arguments of fastai's {@code fit_one_cycle}: {@code div} (start lr = lrMax/div,
 * default 25), {@code divFinal} (final lr = lrMax/divFinal, default 1e5), {@code pctStart}
 * (fraction of warm-up, default 0.25), {@code wd} (null: the learner's), {@code moms}
 * (start, middle, end momentum; null: the learner's, fastai's 0.95, 0.85, 0.95) and
 * {@code resetOpt}. Change one value with the {@code withX} methods of {@link #DEFAULTS}.
 *
 * @param div the start-lr divisor (start lr = lrMax / div)
 * @param divFinal the final-lr divisor (final lr = lrMax / divFinal)
 * @param pctStart the warm-up fraction, in [0, 1]
 * @param wd the weight decay, or null for the learner's
 * @param moms the start, middle and end momentums, or null for the learner's
 * @param resetOpt whether to clear the optimizer state before the cycle
 */
public record OneCycleOptions(double div, double divFinal, double pctStart, Double wd, double[] moms,
        boolean resetOpt) {

    /** fastai's defaults. */
    public static final OneCycleOptions DEFAULTS = new OneCycleOptions(25.0, 1e5, 0.25, null, null, false);

    /**
     * Validates the values.
     *
     * @param div the start-lr divisor (start lr = lrMax / div)
     * @param divFinal the final-lr divisor (final lr = lrMax / divFinal)
     * @param pctStart the warm-up fraction, in [0, 1]
     * @param wd the weight decay, or null for the learner's
     * @param moms the start, middle and end momentums, or null for the learner's
     * @param resetOpt whether to clear the optimizer state before the cycle
     */
    public OneCycleOptions {
        if (!(div > 0) || Double.isInfinite(div)) {
            throw new IllegalArgumentException("OneCycleOptions.div must be positive and finite, got " + div);
        }
        if (!(divFinal > 0) || Double.isInfinite(divFinal)) {
            throw new IllegalArgumentException("OneCycleOptions.divFinal must be positive and finite, got " + divFinal);
        }
        if (!(pctStart >= 0 && pctStart <= 1)) {
            throw new IllegalArgumentException("OneCycleOptions.pctStart must be in [0, 1], got " + pctStart);
        }
        if (wd != null && !(wd >= 0 && Double.isFinite(wd))) {
            throw new IllegalArgumentException("OneCycleOptions.wd must be finite and >= 0, got " + wd);
        }
        if (moms != null && moms.length != 3) {
            throw new IllegalArgumentException("OneCycleOptions.moms must hold 3 values, got " + moms.length);
        }
        moms = moms == null ? null : moms.clone();
    }

    /**
     * A copy of the momentums, or null for the learner's.
     *
     * @return a copy of the momentums, or null for the learner's
     */
    @Override
    public double[] moms() {
        return moms == null ? null : moms.clone();
    }

    /**
     * A copy with another value.
     *
     * @param v the start-lr divisor (start lr = lrMax / div)
     * @return the new options
     */
    public OneCycleOptions withDiv(double v) { return new OneCycleOptions(v, divFinal, pctStart, wd, moms, resetOpt); }
    /**
     * A copy with another value.
     *
     * @param v the final-lr divisor (final lr = lrMax / divFinal)
     * @return the new options
     */
    public OneCycleOptions withDivFinal(double v) { return new OneCycleOptions(div, v, pctStart, wd, moms, resetOpt); }
    /**
     * A copy with another value.
     *
     * @param v the warm-up fraction, in [0, 1]
     * @return the new options
     */
    public OneCycleOptions withPctStart(double v) { return new OneCycleOptions(div, divFinal, v, wd, moms, resetOpt); }
    /**
     * A copy with another value.
     *
     * @param v the weight decay, or null for the learner's
     * @return the new options
     */
    public OneCycleOptions withWd(Double v) { return new OneCycleOptions(div, divFinal, pctStart, v, moms, resetOpt); }
    /**
     * A copy with other momentums.
     *
     * @param start the momentum at the start
     * @param middle the momentum at the end of warm-up
     * @param end the momentum at the end
     * @return the new options
     */
    public OneCycleOptions withMoms(double start, double middle, double end) {
        return new OneCycleOptions(div, divFinal, pctStart, wd, new double[] {start, middle, end}, resetOpt);
    }
    /**
     * A copy with another value.
     *
     * @param v whether to clear the optimizer state before the cycle
     * @return the new options
     */
    public OneCycleOptions withResetOpt(boolean v) { return new OneCycleOptions(div, divFinal, pctStart, wd, moms, v); }
}
