package org.fastai4j.learner;

/** Skips the rest of the validation part of the epoch: {@code after_cancel_validate}, then {@code after_validate}. */
public final class CancelValidException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelValidException() {}
}
