package org.fastai4j.callback;

import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;
import org.fastai4j.optim.Optimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code ReduceLROnPlateau}: after {@code patience} epochs in a row without a new best
 * of the monitored value (default {@code valid_loss}), every group's learning rate becomes
 * {@code max(lr / factor, minLr)} and the count restarts.
 */
public final class ReduceLROnPlateau implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(ReduceLROnPlateau.class);

    private final Plateau plateau;
    private final double factor;
    private final double minLr;

    /** fastai's defaults: monitor valid_loss, min_delta 0, patience 1, factor 10, min_lr 0. */
    public ReduceLROnPlateau() {
        this("valid_loss", null, 0, 1, 10, 0);
    }

    /**
     * @param monitor the recorded value to watch
     * @param comp the direction, or null for fastai's default by name
     * @param minDelta how much a new best must beat the old one by, >= 0
     * @param patience epochs without improvement before reducing, >= 1
     * @param factor the divisor of the learning rate, > 0
     * @param minLr the smallest learning rate, >= 0
     */
    public ReduceLROnPlateau(String monitor, Comparison comp, double minDelta, int patience, double factor,
            double minLr) {
        this.plateau = new Plateau("ReduceLROnPlateau", monitor, comp, minDelta, patience);
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: factor must be finite and > 0, got " + factor);
        }
        if (!(minLr >= 0)) {
            throw new IllegalArgumentException("ReduceLROnPlateau: minLr must be >= 0, got " + minLr);
        }
        this.factor = factor;
        this.minLr = minLr;
    }

    /** fastai's {@code TrackerCallback.order + 2}. */
    @Override
    public int order() {
        return 62;
    }

    @Override
    public void beforeFit(Learner learn) {
        plateau.beforeFit(learn);
    }

    @Override
    public void afterEpoch(Learner learn) {
        if (plateau.afterEpoch(learn)) {
            Optimizer opt = learn.opt();
            double[] lrs = opt.hyper("lr");
            double oldLast = lrs[lrs.length - 1];
            for (int i = 0; i < lrs.length; i++) {
                lrs[i] = Math.max(lrs[i] / factor, minLr);
            }
            opt.setHyper("lr", lrs);
            plateau.restart();
            if (lrs[lrs.length - 1] < oldLast) {
                LOG.info("Epoch {}: reducing lr to {}", learn.epoch(), lrs[lrs.length - 1]);
            }
        }
    }
}
