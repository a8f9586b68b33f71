package org.fastai4j.learner;

/** Skips the backward pass of this batch: {@code after_cancel_backward}, then {@code after_backward}; the step still runs. */
public final class CancelBackwardException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelBackwardException() {}
}
