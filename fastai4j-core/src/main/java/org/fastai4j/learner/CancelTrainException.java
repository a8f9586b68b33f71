package org.fastai4j.learner;

/** Skips the rest of the training part of the epoch: {@code after_cancel_train}, then {@code after_train}; validation still runs. */
public final class CancelTrainException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelTrainException() {}
}
