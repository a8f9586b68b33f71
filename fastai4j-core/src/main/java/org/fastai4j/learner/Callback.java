package org.fastai4j.learner;

/**
 * A hook into the training loop, fastai's {@code Callback}: one no-op method per event. A
 * callback reads and may replace the loop's state through the {@link Learner} it is given
 * ({@code xb}, {@code yb}, {@code pred}, {@code loss}, ...). Callbacks run in ascending
 * {@link #order()}; {@link #runTrain()}/{@link #runValid()} say whether it runs in each phase.
 */
public interface Callback {
    /**
     * Once, when the learner has been built.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCreate(Learner learn) {}

    /**
     * At the start of {@code fit} (also of {@code validate} and {@code getPreds}).
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeFit(Learner learn) {}

    /**
     * At the start of each epoch.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeEpoch(Learner learn) {}

    /**
     * Before the training phase of an epoch.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeTrain(Learner learn) {}

    /**
     * Before a batch goes through the model; {@code xb} and {@code yb} may be replaced here.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeBatch(Learner learn) {}

    /**
     * After the forward pass; {@code pred} may be replaced here.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterPred(Learner learn) {}

    /**
     * After the loss is computed; {@code loss} may be replaced here.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterLoss(Learner learn) {}

    /**
     * Before the backward pass (training only).
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeBackward(Learner learn) {}

    /**
     * When a {@code CancelBackwardException} skipped the backward pass.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelBackward(Learner learn) {}

    /**
     * After the backward pass, before the optimizer step; gradients are available.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterBackward(Learner learn) {}

    /**
     * Before the optimizer step.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeStep(Learner learn) {}

    /**
     * When a {@code CancelStepException} skipped the optimizer step.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelStep(Learner learn) {}

    /**
     * After the optimizer step, before gradients are zeroed.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterStep(Learner learn) {}

    /**
     * When a {@code CancelBatchException} ended the batch early.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelBatch(Learner learn) {}

    /**
     * At the end of each batch, cancelled or not.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterBatch(Learner learn) {}

    /**
     * When a {@code CancelTrainException} ended the training phase early.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelTrain(Learner learn) {}

    /**
     * After the training phase of an epoch.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterTrain(Learner learn) {}

    /**
     * Before the validation phase of an epoch.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void beforeValidate(Learner learn) {}

    /**
     * When a {@code CancelValidException} ended the validation phase early.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelValidate(Learner learn) {}

    /**
     * After the validation phase of an epoch.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterValidate(Learner learn) {}

    /**
     * When a {@code CancelEpochException} ended the epoch early.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelEpoch(Learner learn) {}

    /**
     * At the end of each epoch, after validation.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterEpoch(Learner learn) {}

    /**
     * When a {@code CancelFitException} ended the fit early.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterCancelFit(Learner learn) {}

    /**
     * At the end of the fit, cancelled or not.
     *
     * @param learn the learner running the loop (its state can be read and changed)
     */
    default void afterFit(Learner learn) {}

    /**
     * {@return the position among callbacks; lower runs first, ties in insertion order (fastai's
     * {@code order}, default 0)}
     */
    default int order() {
        return 0;
    }

    /** {@return whether this callback runs during training (checked for batch events only, as fastai)} */
    default boolean runTrain() {
        return true;
    }

    /** {@return whether this callback runs during validation (checked for batch events only, as fastai)} */
    default boolean runValid() {
        return true;
    }

    /**
     * Calls the method of {@code event}.
     *
     * @param event the event that fires
     * @param learn the learner running the loop
     */
    default void on(Event event, Learner learn) {
        switch (event) {
            case AFTER_CREATE -> afterCreate(learn);
            case BEFORE_FIT -> beforeFit(learn);
            case BEFORE_EPOCH -> beforeEpoch(learn);
            case BEFORE_TRAIN -> beforeTrain(learn);
            case BEFORE_BATCH -> beforeBatch(learn);
            case AFTER_PRED -> afterPred(learn);
            case AFTER_LOSS -> afterLoss(learn);
            case BEFORE_BACKWARD -> beforeBackward(learn);
            case AFTER_CANCEL_BACKWARD -> afterCancelBackward(learn);
            case AFTER_BACKWARD -> afterBackward(learn);
            case BEFORE_STEP -> beforeStep(learn);
            case AFTER_CANCEL_STEP -> afterCancelStep(learn);
            case AFTER_STEP -> afterStep(learn);
            case AFTER_CANCEL_BATCH -> afterCancelBatch(learn);
            case AFTER_BATCH -> afterBatch(learn);
            case AFTER_CANCEL_TRAIN -> afterCancelTrain(learn);
            case AFTER_TRAIN -> afterTrain(learn);
            case BEFORE_VALIDATE -> beforeValidate(learn);
            case AFTER_CANCEL_VALIDATE -> afterCancelValidate(learn);
            case AFTER_VALIDATE -> afterValidate(learn);
            case AFTER_CANCEL_EPOCH -> afterCancelEpoch(learn);
            case AFTER_EPOCH -> afterEpoch(learn);
            case AFTER_CANCEL_FIT -> afterCancelFit(learn);
            case AFTER_FIT -> afterFit(learn);
        }
    }
}
