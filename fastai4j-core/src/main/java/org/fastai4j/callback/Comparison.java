package org.fastai4j.callback;

/** Which direction of a monitored value is an improvement (fastai's {@code comp}: np.less or np.greater). */
public enum Comparison {
    /** Lower is better (losses, error rates). */
    LESS,
    /** Higher is better (accuracy and most metrics). */
    GREATER;

    /** fastai's default: {@link #LESS} when the name contains "loss" or "error", else {@link #GREATER}. */
    public static Comparison forMonitor(String monitor) {
        return monitor.contains("loss") || monitor.contains("error") ? LESS : GREATER;
    }
}
