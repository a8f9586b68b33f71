package org.fastai4j.callback;

import org.fastai4j.learner.Learner;

/**
 * fastai's patience count on top of a {@link Tracker}: the number of epochs in a row without a
 * new best, and whether it has reached {@code patience} (shared by {@link EarlyStopping} and
 * {@link ReduceLROnPlateau}).
 */
final class Plateau {

    private final Tracker tracker;
    private final int patience;
    private int wait;

    /**
     * @param owner the callback's name, for error messages
     * @param monitor the recorded value to watch
     * @param comp the direction, or null for fastai's default by name
     * @param minDelta how much a new best must beat the old one by, >= 0
     * @param patience epochs without improvement that make a plateau, >= 1
     */
    Plateau(String owner, String monitor, Comparison comp, double minDelta, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException(owner + ": patience must be >= 1, got " + patience);
        }
        this.tracker = new Tracker(monitor, comp, minDelta);
        this.patience = patience;
    }

    /** The best value seen in the current fit. */
    double best() {
        return tracker.best();
    }

    /** Epochs in a row without a new best. */
    int waited() {
        return wait;
    }

    /** Starts counting again from zero. */
    void restart() {
        wait = 0;
    }

    /** Resets the count and the tracker at the start of a fit. */
    void beforeFit(Learner learn) {
        wait = 0;
        tracker.beforeFit(learn);
    }

    /**
     * Reads the epoch's monitored value; true when {@code patience} epochs in a row have passed
     * without a new best (never in a fit that is not tracked).
     */
    boolean afterEpoch(Learner learn) {
        if (!tracker.running()) {
            return false;
        }
        if (tracker.afterEpoch(learn)) {
            wait = 0;
            return false;
        }
        wait++;
        return wait >= patience;
    }
}
