package org.fastai4j.learner;

/** Interrupts training and goes to {@code after_cancel_fit}, then {@code after_fit}. */
public final class CancelFitException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelFitException() {}
}
