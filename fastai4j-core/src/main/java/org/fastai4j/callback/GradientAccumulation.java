package org.fastai4j.callback;

import org.fastai4j.learner.Callback;
import org.fastai4j.learner.CancelBatchException;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code GradientAccumulation}: gradients of several batches add up until {@code nAcc}
 * items have been seen, then one optimizer step. The back-propagated loss is divided by
 * {@code nAcc / bs} (the recorded loss is not), so the step sees the mean gradient over the
 * {@code nAcc} items; until then {@code before_step} cancels the batch, which skips both the step
 * and the gradient reset, as fastai.
 */
public final class GradientAccumulation implements Callback {

    private final int nAcc;
    private long count;

    /** fastai's default: 32 items. */
    public GradientAccumulation() {
        this(32);
    }

    /** @param nAcc the items to accumulate before each step, >= 1 */
    public GradientAccumulation(int nAcc) {
        if (nAcc < 1) {
            throw new IllegalArgumentException("GradientAccumulation: nAcc must be >= 1, got " + nAcc);
        }
        this.nAcc = nAcc;
    }

    /** {@return the items accumulated before each step} */
    public int nAcc() {
        return nAcc;
    }

    /** fastai's {@code MixedPrecision.order - 4} (MixedPrecision's order is 10). */
    @Override
    public int order() {
        return 6;
    }

    @Override
    public boolean runValid() {
        return false;
    }

    @Override
    public void beforeFit(Learner learn) {
        count = 0;
    }

    @Override
    public void afterLoss(Learner learn) {
        if (learn.training() && learn.lossGrad() != null) {
            learn.setLossGrad(learn.lossGrad().div((float) ((double) nAcc / batchSize(learn))));
        }
    }

    @Override
    public void beforeStep(Learner learn) {
        count += batchSize(learn);
        if (count < nAcc) {
            throw new CancelBatchException();
        }
        count = 0;
    }

    private static long batchSize(Learner learn) {
        return learn.yb().get(0).getShape().get(0);
    }
}
