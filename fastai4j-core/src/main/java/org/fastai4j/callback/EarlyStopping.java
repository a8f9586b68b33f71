package org.fastai4j.callback;

import org.fastai4j.learner.Callback;
import org.fastai4j.learner.CancelFitException;
import org.fastai4j.learner.Learner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code EarlyStoppingCallback}: after each epoch the monitored value (default
 * {@code valid_loss}) is compared with the best so far; after {@code patience} epochs in a row
 * without a new best the fit is cancelled. Comparison and {@code minDelta} as fastai's
 * {@code TrackerCallback}: lower is better for names containing "loss" or "error".
 */
public final class EarlyStopping implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    private final Plateau plateau;

    /** fastai's defaults: monitor valid_loss, min_delta 0, patience 1. */
    public EarlyStopping() {
        this("valid_loss", null, 0, 1);
    }

    /**
     * @param monitor the recorded value to watch (valid_loss, a metric name, train_loss)
     * @param comp the direction, or null for fastai's default by name
     * @param minDelta how much a new best must beat the old one by, >= 0
     * @param patience epochs without improvement before stopping, >= 1
     */
    public EarlyStopping(String monitor, Comparison comp, double minDelta, int patience) {
        this.plateau = new Plateau("EarlyStopping", monitor, comp, minDelta, patience);
    }

    /** {@return the best value seen in the current fit} */
    public double best() {
        return plateau.best();
    }

    /** fastai's {@code TrackerCallback.order + 3}. */
    @Override
    public int order() {
        return 63;
    }

    @Override
    public void beforeFit(Learner learn) {
        plateau.beforeFit(learn);
    }

    @Override
    public void afterEpoch(Learner learn) {
        if (plateau.afterEpoch(learn)) {
            LOG.info("No improvement since epoch {}: early stopping", learn.epoch() - plateau.waited());
            throw new CancelFitException();
        }
    }
}
