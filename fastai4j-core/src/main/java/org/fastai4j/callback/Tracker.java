package org.fastai4j.callback;

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
