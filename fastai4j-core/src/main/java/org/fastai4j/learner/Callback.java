package org.fastai4j.learner;

/**
 * A hook into the training loop, fastai's {@code Callback}: one no-op method per event. A
 * callback reads and may replace the loop's state through the {@link Learner} it is given
 * ({@code xb}, {@code yb}, {@code pred}, {@code loss}, ...). Callbacks run in ascending
 * {@link #order()}; {@link #runTrain()}/{@link #runValid()} say whether it runs in each phase.
 */
public interface Callback {
    default void afterCreate(Learner learn) {}
    default void beforeFit(Learner learn) {}
    default void beforeEpoch(Learner learn) {}
    default void beforeTrain(Learner learn) {}
    default void beforeBatch(Learner learn) {}
    default void afterPred(Learner learn) {}
    default void afterLoss(Learner learn) {}
    default void beforeBackward(Learner learn) {}
    default void afterCancelBackward(Learner learn) {}
    default void afterBackward(Learner learn) {}
    default void beforeStep(Learner learn) {}
    default void afterCancelStep(Learner learn) {}
    default void afterStep(Learner learn) {}
    default void afterCancelBatch(Learner learn) {}
    default void afterBatch(Learner learn) {}
    default void afterCancelTrain(Learner learn) {}
    default void afterTrain(Learner learn) {}
    default void beforeValidate(Learner learn) {}
    default void afterCancelValidate(Learner learn) {}
    default void afterValidate(Learner learn) {}
    default void afterCancelEpoch(Learner learn) {}
    default void afterEpoch(Learner learn) {}
    default void afterCancelFit(Learner learn) {}
    default void afterFit(Learner learn) {}

    /** Position among callbacks; lower runs first (fastai's default is 0). */
    default int order() {
        return 0;
    }

    /** Whether this callback runs during training (checked for batch events only, as fastai). */
    default boolean runTrain() {
        return true;
    }

    /** Whether this callback runs during validation (checked for batch events only, as fastai). */
    default boolean runValid() {
        return true;
    }

    /** Calls the method of {@code event}. */
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
