package org.fastai4j.learner;

/**
 * The family of exceptions a callback throws to skip part of the loop, fastai's
 * {@code Cancel*Exception}s. Each subclass is caught by one stage of the loop, which then runs
 * {@code after_cancel_X} and {@code after_X} and carries on as fastai does. Unchecked.
 */
public abstract class CancelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the stack trace is not filled (it is control flow). */
    protected CancelException() {
        super(null, null, false, false);
    }
}
