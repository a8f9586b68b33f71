package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.fastai4j.core.Seeds;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code MixHandler}, the common part of {@link MixUp} and {@link CutMix}: training
 * batches only, a Beta sampler, one seeded random stream per batch, and for class-index targets
 * ({@link org.fastai4j.losses.Loss#yInt()}) the loss replaced after it is computed by the
 * {@code lam}-weighted mix of the losses against the shuffled and the original targets.
 */
abstract class MixHandler implements Callback {

    private final BetaSampler beta;
    private final long seed;
    private long batches;
    /** Whether the loss is mixed (class-index targets) rather than the targets. */
    boolean stackY;
    /** The weight of the original items this batch (per row or a scalar), or null. */
    NDArray lam;
    /** The targets in the shuffled order this batch, or null. */
    NDArray yShuffled;

    MixHandler(double alpha, long seed) {
        this.beta = new BetaSampler(alpha);
        this.seed = seed;
    }

    /**
     * The Beta distribution's parameter.
     *
     * @return alpha, as given
     */
    public double alpha() {
        return beta.alpha();
    }

    /** One draw of {@code Beta(alpha, alpha)}. */
    final double sampleLam(SplittableRandom random) {
        return beta.sample(random);
    }

    /** The random stream of the next batch: batch {@code k} draws from {@code Seeds.derive(seed, k)}. */
    final SplittableRandom nextRandom() {
        return new SplittableRandom(Seeds.derive(seed, batches++));
    }

    /** Mixes the learner's current training batch, setting {@link #lam} and {@link #yShuffled}. */
    abstract void mix(Learner learn);

    @Override
    public boolean runValid() {
        return false;
    }

    @Override
    public void beforeTrain(Learner learn) {
        stackY = learn.lossFunc().yInt();
    }

    @Override
    public void beforeBatch(Learner learn) {
        if (learn.training()) {
            mix(learn);
        }
    }

    @Override
    public void afterLoss(Learner learn) {
        if (stackY && learn.training() && lam != null) {
            learn.setLoss(Mixing.mixedLoss(learn.lossFunc(), learn.pred(), yShuffled, learn.yb().get(0), lam));
        }
    }

    @Override
    public void afterBatch(Learner learn) {
        lam = null;
        yShuffled = null;
    }
}
