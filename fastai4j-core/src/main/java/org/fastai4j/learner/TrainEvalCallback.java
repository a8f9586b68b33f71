package org.fastai4j.learner;

/**
 * fastai's {@code TrainEvalCallback} (a default callback, order -10): resets the counters at
 * {@code before_fit}, sets training/validation mode, and advances {@code train_iter} and
 * {@code pct_train} after each training batch.
 */
public final class TrainEvalCallback implements Callback {

    @Override
    public void afterCreate(Learner learn) {
        // fastai sets n_epoch = 1 here; LoopState starts with nEpoch = 1.
    }

    @Override
    public void beforeFit(Learner learn) {
        learn.setEpoch(0);
        learn.setTrainIter(0);
        learn.setPctTrain(0);
    }

    @Override
    public void afterBatch(Learner learn) {
        learn.setPctTrain(learn.pctTrain() + 1.0 / (learn.nIter() * learn.nEpoch()));
        learn.setTrainIter(learn.trainIter() + 1);
    }

    @Override
    public void beforeTrain(Learner learn) {
        learn.setPctTrain((double) learn.epoch() / learn.nEpoch());
        learn.setTraining(true);
    }

    @Override
    public void beforeValidate(Learner learn) {
        learn.setTraining(false);
    }

    @Override
    public int order() {
        return -10;
    }

    @Override
    public boolean runValid() {
        return false;
    }
}
