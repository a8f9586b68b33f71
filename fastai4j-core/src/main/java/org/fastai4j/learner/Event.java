package org.fastai4j.learner;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * fastai's training-loop events, in fastai's order ({@code fastai.callback.core._events}).
 * {@link #AFTER_CREATE} fires once when a learner is built; the others during {@code fit},
 * {@code validate} and {@code getPreds}.
 */
public enum Event {
    AFTER_CREATE, BEFORE_FIT, BEFORE_EPOCH, BEFORE_TRAIN, BEFORE_BATCH, AFTER_PRED, AFTER_LOSS,
    BEFORE_BACKWARD, AFTER_CANCEL_BACKWARD, AFTER_BACKWARD, BEFORE_STEP, AFTER_CANCEL_STEP,
    AFTER_STEP, AFTER_CANCEL_BATCH, AFTER_BATCH, AFTER_CANCEL_TRAIN, AFTER_TRAIN, BEFORE_VALIDATE,
    AFTER_CANCEL_VALIDATE, AFTER_VALIDATE, AFTER_CANCEL_EPOCH, AFTER_EPOCH, AFTER_CANCEL_FIT,
    AFTER_FIT;

    private static final Set<Event> INNER_LOOP = EnumSet.of(BEFORE_BATCH, AFTER_PRED, AFTER_LOSS,
            BEFORE_BACKWARD, AFTER_CANCEL_BACKWARD, AFTER_BACKWARD, BEFORE_STEP, AFTER_STEP,
            AFTER_CANCEL_BATCH, AFTER_BATCH);

    /**
     * Whether the event belongs to one batch (fastai's {@code _inner_loop}): only these events are
     * filtered by {@link Callback#runTrain()} and {@link Callback#runValid()}.
     */
    public boolean innerLoop() {
        return INNER_LOOP.contains(this);
    }

    /** fastai's name of the event, e.g. {@code before_fit}. */
    public String fastaiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
