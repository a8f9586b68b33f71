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
    /** The learner has been built. */
    AFTER_CREATE,
    /** A fit (or a validate/getPreds call) starts. */
    BEFORE_FIT,
    /** An epoch starts. */
    BEFORE_EPOCH,
    /** The training phase of an epoch starts. */
    BEFORE_TRAIN,
    /** A batch is about to go through the model. */
    BEFORE_BATCH,
    /** The forward pass is done. */
    AFTER_PRED,
    /** The loss is computed. */
    AFTER_LOSS,
    /** The backward pass is about to run. */
    BEFORE_BACKWARD,
    /** The backward pass was cancelled. */
    AFTER_CANCEL_BACKWARD,
    /** The backward pass is done. */
    AFTER_BACKWARD,
    /** The optimizer step is about to run. */
    BEFORE_STEP,
    /** The optimizer step was cancelled. */
    AFTER_CANCEL_STEP,
    /** The optimizer step is done. */
    AFTER_STEP,
    /** The batch was cancelled. */
    AFTER_CANCEL_BATCH,
    /** The batch is over. */
    AFTER_BATCH,
    /** The training phase was cancelled. */
    AFTER_CANCEL_TRAIN,
    /** The training phase is over. */
    AFTER_TRAIN,
    /** The validation phase starts. */
    BEFORE_VALIDATE,
    /** The validation phase was cancelled. */
    AFTER_CANCEL_VALIDATE,
    /** The validation phase is over. */
    AFTER_VALIDATE,
    /** The epoch was cancelled. */
    AFTER_CANCEL_EPOCH,
    /** The epoch is over. */
    AFTER_EPOCH,
    /** The fit was cancelled. */
    AFTER_CANCEL_FIT,
    /** The fit is over. */
    AFTER_FIT;

    private static final Set<Event> INNER_LOOP = EnumSet.of(BEFORE_BATCH, AFTER_PRED, AFTER_LOSS,
            BEFORE_BACKWARD, AFTER_CANCEL_BACKWARD, AFTER_BACKWARD, BEFORE_STEP, AFTER_STEP,
            AFTER_CANCEL_BATCH, AFTER_BATCH);

    /**
     * Whether the event belongs to one batch (fastai's {@code _inner_loop}): only these events are
     * filtered by {@link Callback#runTrain()} and {@link Callback#runValid()}.
     *
     * @return true for the batch events, from {@link #BEFORE_BATCH} to {@link #AFTER_BATCH}
     */
    public boolean innerLoop() {
        return INNER_LOOP.contains(this);
    }

    /** {@return fastai's name of the event, e.g. {@code before_fit}} */
    public String fastaiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
