package org.fastai4j.learner;

/**
 * fastai's {@code SkipToEpoch} (order 70): cancels every epoch before {@code epoch} at
 * {@code before_epoch}, so a fit resumes at that epoch with the schedule position of an
 * uninterrupted run ({@code pct_train} is set from the epoch number at {@code before_train}).
 * {@link Learner#fitOneCycle(int, org.fastai4j.optim.Lr, OneCycleOptions, int, Callback...)} adds it
 * for {@code startEpoch > 0}, as fastai's {@code fit_one_cycle(start_epoch=...)}.
 */
public final class SkipToEpoch implements Callback {
    private final int skipTo;

    /**
     * Skips the epochs before {@code epoch}.
     *
     * @param epoch the first epoch that runs, from 0 (0 skips nothing)
     * @throws IllegalArgumentException if {@code epoch} is negative
     */
    public SkipToEpoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("SkipToEpoch epoch must be >= 0, got " + epoch);
        }
        this.skipTo = epoch;
    }

    /** {@return the first epoch that runs, from 0} */
    public int epoch() {
        return skipTo;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void beforeEpoch(Learner learn) {
        if (learn.epoch() < skipTo) {
            throw new CancelEpochException();
        }
    }
}
