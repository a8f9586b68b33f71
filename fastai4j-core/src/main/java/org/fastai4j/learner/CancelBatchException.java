package org.fastai4j.learner;

/** Skips the rest of this batch: {@code after_cancel_batch}, then {@code after_batch}; the next batch runs. */
public final class CancelBatchException extends CancelException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelBatchException() {}
}
