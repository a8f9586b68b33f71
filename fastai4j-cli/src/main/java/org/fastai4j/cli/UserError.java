package org.fastai4j.cli;

/** A failure caused by the user's input (missing folder, no images, ...): reported in one line. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
