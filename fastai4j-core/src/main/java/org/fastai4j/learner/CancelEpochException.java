package org.fastai4j.learner;

/** Skips the rest of this epoch and goes to {@code after_cancel_epoch}, then {@code after_epoch}. */
public final class CancelEpochException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelEpochException() {}
}
