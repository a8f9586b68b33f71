package org.fastai4j.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.fastai4j.core.NativeMemory;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;

/**
 * fastai's loop ({@code Learner._do_fit}, {@code _do_epoch}, {@code all_batches},
 * {@code _do_one_batch}): every stage runs through {@link #withEvents}, which fires
 * {@code before_X}, runs the body, fires {@code after_cancel_X} if the body threw that stage's
 * {@link CancelException}, then fires {@code after_X}. Any other exception propagates without
 * {@code after_X}, as in fastai; native memory is still freed (every batch is closed).
 */
final class TrainingLoop {

    /** One stage of the loop: its events and the exception that cancels it. */
    enum Stage {
        FIT(Event.BEFORE_FIT, Event.AFTER_CANCEL_FIT, Event.AFTER_FIT, CancelFitException.class),
        EPOCH(Event.BEFORE_EPOCH, Event.AFTER_CANCEL_EPOCH, Event.AFTER_EPOCH, CancelEpochException.class),
        TRAIN(Event.BEFORE_TRAIN, Event.AFTER_CANCEL_TRAIN, Event.AFTER_TRAIN, CancelTrainException.class),
        VALIDATE(Event.BEFORE_VALIDATE, Event.AFTER_CANCEL_VALIDATE, Event.AFTER_VALIDATE,
                CancelValidException.class),
        BATCH(Event.BEFORE_BATCH, Event.AFTER_CANCEL_BATCH, Event.AFTER_BATCH, CancelBatchException.class),
        BACKWARD(Event.BEFORE_BACKWARD, Event.AFTER_CANCEL_BACKWARD, Event.AFTER_BACKWARD,
                CancelBackwardException.class),
        STEP(Event.BEFORE_STEP, Event.AFTER_CANCEL_STEP, Event.AFTER_STEP, CancelStepException.class);

        final Event before;
        final Event afterCancel;
        final Event after;
        final Class<? extends CancelException> cancel;

        Stage(Event before, Event afterCancel, Event after, Class<? extends CancelException> cancel) {
            this.before = before;
            this.afterCancel = afterCancel;
            this.after = after;
            this.cancel = cancel;
        }
    }

    private final Learner learn;
    private final LoopState st;
    private NDManager scope;
    private ParameterStore parameterStore;

    TrainingLoop(Learner learn, LoopState st) {
        this.learn = learn;
        this.st = st;
    }

    /** fastai's {@code _with_events}. */
    void withEvents(Stage stage, Runnable body) {
        try {
            learn.fire(stage.before);
            body.run();
        } catch (CancelException e) {
            if (!stage.cancel.isInstance(e)) {
                throw e;
            }
            learn.fire(stage.afterCancel);
        }
        learn.fire(stage.after);
    }

    /** Runs a whole fit of {@code st.nEpoch} epochs in a fit-scoped manager. */
    void fit() {
        try (NDManager fitScope = learn.manager().newSubManager(); GradMode noGrad = GradMode.disabled()) {
            scope = fitScope;
            parameterStore = new ParameterStore(learn.manager(), false);
            withEvents(Stage.FIT, () -> {
                for (int epoch = 0; epoch < st.nEpoch; epoch++) {
                    st.epoch = epoch;
                    withEvents(Stage.EPOCH, this::doEpoch);
                }
            });
        } finally {
            scope = null;
            parameterStore = null;
            st.dl = null;
            st.clearBatch();
        }
    }

    /**
     * Runs fastai's validation context on {@code dl}: {@code before_fit, before_epoch}, the
     * validation phase, {@code after_epoch, after_fit}, with the learner in validation context.
     * May be called from a callback between batches of a fit (fastai's {@code FetchPredsCallback}):
     * the fit's scope, loader and training flag are restored after.
     */
    void validationRun(DataLoader dl) {
        boolean previous = st.validationContext;
        NDManager outerScope = scope;
        ParameterStore outerStore = parameterStore;
        DataLoader outerDl = st.dl;
        boolean outerTraining = st.training;
        int outerNIter = st.nIter;
        st.validationContext = true;
        try (NDManager callScope = learn.manager().newSubManager(); GradMode noGrad = GradMode.disabled()) {
            scope = callScope;
            parameterStore = new ParameterStore(learn.manager(), false);
            learn.fire(Event.BEFORE_FIT);
            learn.fire(Event.BEFORE_EPOCH);
            doValidate(dl);
            learn.fire(Event.AFTER_EPOCH);
            learn.fire(Event.AFTER_FIT);
        } finally {
            st.validationContext = previous;
            scope = outerScope;
            parameterStore = outerStore;
            st.dl = outerDl;
            st.training = outerTraining;
            st.nIter = outerNIter;
            st.clearBatch();
        }
    }

    private void doEpoch() {
        st.dl = learn.dls().train();
        withEvents(Stage.TRAIN, this::allBatches);
        doValidate(learn.dls().valid());
        // the epoch's activations are freed: give their pages back so a long run's RSS stays flat
        NativeMemory.reclaimAfterEpoch();
    }

    private void doValidate(DataLoader dl) {
        st.dl = dl;
        withEvents(Stage.VALIDATE, this::allBatches);
    }

    private void allBatches() {
        DataLoader dl = st.dl;
        st.nIter = dl.size();
        try (DataLoader.CloseableIterator<Batch> it = dl.iterator(scope, st.epoch)) {
            int i = 0;
            while (it.hasNext()) {
                try (Batch b = it.next()) {
                    oneBatch(i++, b);
                } finally {
                    st.clearBatch();
                }
            }
        }
    }

    private void oneBatch(int i, Batch b) {
        holdInBatch(b.xs(), b.manager());
        holdInBatch(b.ys(), b.manager());
        st.iter = i;
        st.batchManager = b.manager();
        st.batchIndices = b.indices();
        st.xb = b.xs();
        st.yb = b.ys();
        withEvents(Stage.BATCH, this::doOneBatch);
    }

    /**
     * Attaches to the batch's manager, for the batch, the arrays of a batch that live in another
     * manager (a loader that hands out slices of a dataset kept on the device, say): DJL puts what an
     * operation returns in the manager of its first input, so without this every activation the
     * forward pass derives from them would stay alive in that manager until it closes. Closing the
     * batch gives them back to their manager.
     */
    private static void holdInBatch(NDList arrays, NDManager batchManager) {
        for (NDArray a : arrays) {
            if (a.getManager() != batchManager) {
                a.tempAttach(batchManager);
            }
        }
    }

    private void doOneBatch() {
        if (!st.training) {
            predAndLoss();
            return;
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            predAndLoss();
            if (st.yb.isEmpty()) {
                return;
            }
            withEvents(Stage.BACKWARD, () -> gc.backward(st.lossGrad));
        }
        if (st.yb.isEmpty()) {
            return;
        }
        withEvents(Stage.STEP, () -> learn.opt().step());
        learn.opt().zeroGrad();
    }

    private void predAndLoss() {
        NDList out;
        try {
            out = learn.model().forward(parameterStore, st.xb, st.training);
        } catch (RuntimeException e) {
            throw failed("model forward", e);
        }
        st.pred = out.head();
        learn.fire(Event.AFTER_PRED);
        if (!st.yb.isEmpty()) {
            try {
                st.lossGrad = learn.lossFunc().forward(st.pred, st.yb.head());
            } catch (RuntimeException e) {
                throw failed("loss " + learn.lossFunc().name(), e);
            }
            st.loss = st.lossGrad;
        }
        learn.fire(Event.AFTER_LOSS);
    }

    /** Wraps an engine failure with where it happened (cancel exceptions pass unchanged). */
    private RuntimeException failed(String stage, RuntimeException e) {
        if (e instanceof CancelException || e instanceof CallbackException) {
            return e;
        }
        String first = null;
        if (st.dl != null && st.batchIndices != null && st.batchIndices.length > 0) {
            first = st.dl.describeItem(st.batchIndices[0]);
        }
        return new BatchException(stage, st.training, st.epoch, st.iter, first, e);
    }
}
