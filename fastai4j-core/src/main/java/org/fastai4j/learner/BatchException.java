package org.fastai4j.learner;

import java.util.Locale;

/**
 * The model or the loss failed on a batch: names the stage ({@code model forward} or
 * {@code loss}), the phase (training or validation), the epoch, the batch and its first item, and
 * carries the engine's exception as its cause.
 */
public final class BatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps {@code cause}.
     *
     * @param stage what failed, e.g. "model forward"
     * @param training whether it was a training batch
     * @param epoch the epoch (0-based, as the epoch table shows it)
     * @param batch the batch index within the phase
     * @param firstItem a description of the batch's first item (e.g. its file), or null
     * @param cause the original exception
     */
    public BatchException(String stage, boolean training, int epoch, int batch, String firstItem, Throwable cause) {
        super(String.format(Locale.ROOT, "%s failed on %s batch %d of epoch %d%s: %s", stage,
                training ? "training" : "validation", batch, epoch,
                firstItem == null ? "" : " (first item: " + firstItem + ")", cause.getMessage()), cause);
    }
}
