package org.fastai4j.learner;

import java.util.List;
import java.util.Map;
import org.fastai4j.callback.ParamScheduler;
import org.fastai4j.optim.Schedules;

/**
 * fastai's {@code LRFinder} callback: trains with an exponentially growing learning rate,
 * {@code lr = start * (end/start)^(train_iter/numIt)}, skipping validation, and stops after
 * {@code numIt} batches or when the smoothed loss exceeds 4x the best seen ({@code stopDiv}).
 * The weights, optimizer state and hyper-parameters saved at {@code before_fit} are restored at
 * {@code after_fit}. Use it through {@link Learner#lrFind}.
 */
public final class LrFinder extends ParamScheduler {
    private final int numIt;
    private final boolean stopDiv;
    private double bestLoss;
    private ModelSnapshot snapshot;

    /**
     * fastai's {@code LRFinder(start_lr, end_lr, num_it, stop_div)}.
     *
     * @param startLr the learning rate of the first batch, positive and finite (fastai's default 1e-7)
     * @param endLr the learning rate reached after {@code numIt} batches, positive and finite
     *     (fastai's default 10)
     * @param numIt the number of batches of the sweep (fastai's default 100); below 6 becomes 6, as fastai
     * @param stopDiv whether to stop once the smoothed loss exceeds 4 times the best seen (fastai's default true)
     * @throws IllegalArgumentException if a learning rate is not positive and finite
     */
    public LrFinder(double startLr, double endLr, int numIt, boolean stopDiv) {
        super(Map.of("lr", List.of(Schedules.exp(check(startLr, "startLr"), check(endLr, "endLr")))));
        this.numIt = Math.max(numIt, 6);
        this.stopDiv = stopDiv;
    }

    private static double check(double lr, String name) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lrFind " + name + " must be positive and finite, got " + lr);
        }
        return lr;
    }

    /** {@return the number of batches of the sweep} */
    public int numIt() {
        return numIt;
    }

    @Override
    public void beforeFit(Learner learn) {
        super.beforeFit(learn);
        closeSnapshot();
        snapshot = new ModelSnapshot(learn);
        bestLoss = Double.POSITIVE_INFINITY;
    }

    @Override
    public void beforeBatch(Learner learn) {
        updateVal(learn, (double) learn.trainIter() / numIt);
    }

    @Override
    public void afterBatch(Learner learn) {
        super.afterBatch(learn);
        double smooth = learn.smoothLoss();
        if (smooth < bestLoss) {
            bestLoss = smooth;
        }
        if (smooth > 4 * bestLoss && stopDiv) {
            throw new CancelFitException();
        }
        if (learn.trainIter() >= numIt) {
            throw new CancelFitException();
        }
    }

    @Override
    public void beforeValidate(Learner learn) {
        throw new CancelValidException();
    }

    @Override
    public void afterFit(Learner learn) {
        learn.opt().zeroGrad();
        if (snapshot != null) {
            snapshot.restore(learn);
            closeSnapshot();
        }
    }

    void closeSnapshot() {
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
    }

    /** fastai's {@code lr_find}: {@code numIt/len(train) + 1} epochs with this callback, then the suggestions. */
    static SuggestedLrs run(Learner learn, double startLr, double endLr, int numIt, boolean stopDiv) {
        if (numIt < 1) {
            throw new IllegalArgumentException("lrFind numIt must be >= 1, got " + numIt);
        }
        int batches = learn.dls().train().size();
        if (batches < 1) {
            throw new IllegalArgumentException("lrFind needs a training loader with at least one batch");
        }
        Recorder rec = learn.recorder();
        if (rec == null) {
            throw new IllegalStateException("lrFind needs the Recorder callback, which was removed");
        }
        LrFinder cb = new LrFinder(startLr, endLr, numIt, stopDiv);
        boolean previous = learn.setNoLogging(true);
        try {
            learn.fit(numIt / batches + 1, null, null, false, cb);
        } finally {
            learn.setNoLogging(previous);
            cb.closeSnapshot();
        }
        return SuggestedLrs.from(rec.lrs(), rec.losses(), numIt);
    }
}
