package org.fastai4j.learner;

/**
 * A callback failed: names the callback class and the event, and carries the original exception
 * as its cause (fastai's "Exception occured in `X` when calling event `Y`").
 */
public final class CallbackException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Callback callback;
    /** The event the callback failed in. */
    private final Event event;

    /**
     * Wraps {@code cause}, thrown by {@code callback} during {@code event}.
     *
     * @param callback the callback that failed; its class name goes into the message
     * @param event the event it was handling
     * @param cause the exception it threw
     */
    public CallbackException(Callback callback, Event event, Throwable cause) {
        super("callback " + callback.getClass().getName() + " failed in event "
                + event.name().toLowerCase(java.util.Locale.ROOT) + ": " + cause, cause);
        this.callback = callback;
        this.event = event;
    }

    /** {@return the callback that failed} */
    public Callback callback() {
        return callback;
    }

    /** {@return the event it was handling} */
    public Event event() {
        return event;
    }
}
