package org.fastai4j.learner;

/**
 * fastai's {@code AvgSmoothLoss}: an exponential moving average of the batch losses, debiased.
 * After losses {@code l1..ln}: {@code avg = beta*avg + (1-beta)*l} (starting at 0) and the value
 * is {@code avg / (1 - beta^n)}. fastai computes this in float32 tensors; this uses doubles.
 */
public final class AvgSmoothLoss {
    private final double beta;
    private int count;
    private double avg;

    /**
     * A smoother with weight {@code beta} on the past.
     *
     * @param beta the decay of the moving average, in [0, 1) (fastai's {@code beta}, default 0.98);
     *     higher is smoother
     * @throws IllegalArgumentException if {@code beta} is outside [0, 1)
     */
    public AvgSmoothLoss(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.beta = beta;
    }

    /** Forgets every loss seen. */
    public void reset() {
        count = 0;
        avg = 0;
    }

    /**
     * Adds one batch loss.
     *
     * @param loss the batch's mean loss
     */
    public void accumulate(double loss) {
        count++;
        avg = beta * avg + (1 - beta) * loss;
    }

    /** {@return the debiased average (NaN before any loss)} */
    public double value() {
        return count == 0 ? Double.NaN : avg / (1 - Math.pow(beta, count));
    }

    /** {@return the number of losses seen} */
    public int count() {
        return count;
    }
}
