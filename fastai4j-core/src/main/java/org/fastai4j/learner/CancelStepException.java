package org.fastai4j.learner;

/** Skips the optimizer step of this batch: {@code after_cancel_step}, then {@code after_step}; gradients are still zeroed. */
public final class CancelStepException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelStepException() {}
}
