package org.fastai4j.callback;

import java.util.List;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.LrFinder;
import org.fastai4j.learner.Recorder;

/**
 * The best-value bookkeeping of fastai's {@code TrackerCallback}: a value is a new best when
 * {@code comp(value - minDelta, best)}, where {@code minDelta} is negated for {@link
 * Comparison#LESS}; so an improvement must beat the best by more than {@code |minDelta|}. NaN is
 * never a new best.
 */
final class Tracker {

    private final String monitor;
    private final Comparison comp;
    private final double minDelta;
    private double best;
    private int index = -1;
    private boolean running;

    /**
     * @param monitor the recorded column to watch, e.g. {@code valid_loss}
     * @param comp the direction, or null for fastai's default by name
     * @param minDelta the margin an improvement must exceed (as given, >= 0)
     */
    Tracker(String monitor, Comparison comp, double minDelta) {
        if (monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("monitor must name a recorded value such as valid_loss, got " + monitor);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be finite and >= 0, got " + minDelta);
        }
        this.monitor = monitor;
        this.comp = comp == null ? Comparison.forMonitor(monitor) : comp;
        this.minDelta = this.comp == Comparison.LESS ? -minDelta : minDelta;
        reset();
    }

    String monitor() {
        return monitor;
    }

    Comparison comp() {
        return comp;
    }

    double best() {
        return best;
    }

    /** fastai's {@code reset_on_fit}: the best becomes +inf (LESS) or -inf (GREATER). */
    void reset() {
        best = comp == Comparison.LESS ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /**
     * fastai's {@code TrackerCallback.before_fit}: runs only in a real fit (not in validate,
     * getPreds or lrFind), resets the best ({@code reset_on_fit}) and finds the monitored column
     * among the recorder's names after "epoch".
     */
    void beforeFit(Learner learn) {
        running = !learn.inValidationContext() && learn.cb(LrFinder.class) == null;
        if (!running) {
            return;
        }
        reset();
        Recorder recorder = learn.recorder();
        if (recorder == null) {
            throw new IllegalArgumentException("tracking " + monitor + " needs the learner's Recorder, which was removed");
        }
        List<String> names = recorder.metricNames();
        index = names.subList(1, names.size()).indexOf(monitor);
        if (index < 0 || index >= names.size() - 2) {
            throw new IllegalArgumentException("monitor " + monitor + " is not a recorded value; expected one of "
                    + names.subList(1, names.size() - 1));
        }
    }

    /** Whether the current fit is tracked (false in validate, getPreds and lrFind). */
    boolean running() {
        return running;
    }

    /** fastai's {@code TrackerCallback.after_epoch}: the last recorded value; true when a new best. */
    boolean afterEpoch(Learner learn) {
        List<double[]> values = learn.recorder().values();
        return update(values.get(values.size() - 1)[index]);
    }

    /** Records {@code value}; true when it is a new best. */
    boolean update(double value) {
        double shifted = value - minDelta;
        boolean better = comp == Comparison.LESS ? shifted < best : shifted > best;
        if (better) {
            best = value;
        }
        return better;
    }
}
