package org.fastai4j.callback;

/** Which direction of a monitored value is an improvement (fastai's {@code comp}: np.less or np.greater). */
public enum Comparison {
    /** Lower is better (losses, error rates). */
    LESS,
    /** Higher is better (accuracy and most metrics). */
    GREATER;

    /**
     * fastai's default for a monitored value: {@link #LESS} when its name contains "loss" or
     * "error" (case-sensitive, as in fastai), else {@link #GREATER}.
     *
     * @param monitor the name of the monitored value as the Recorder shows it, e.g.
     *     {@code "valid_loss"} or {@code "accuracy"}
     * @return the direction in which that value improves
     */
    public static Comparison forMonitor(String monitor) {
        return monitor.contains("loss") || monitor.contains("error") ? LESS : GREATER;
    }
}
