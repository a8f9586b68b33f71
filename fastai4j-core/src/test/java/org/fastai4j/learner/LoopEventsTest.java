package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fastai4j.learner.testing.EventLog;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * The loop against fastai's {@code Learner._do_fit/_do_epoch/all_batches/_do_one_batch} and
 * {@code _with_events}: expected sequences are assembled from fastai's {@code _loop} listing
 * (13a_learner.ipynb): a training batch fires before_batch, after_pred, after_loss,
 * before_backward, after_backward, before_step, after_step, after_batch; a validation batch
 * stops after after_loss (no backward or step) then after_batch.
 */
class LoopEventsTest {
    static final int NT = SyntheticLearners.N_TRAIN / SyntheticLearners.BS; // 16 training batches
    static final int NV = SyntheticLearners.N_VALID / SyntheticLearners.BS; // 4 validation batches
    static final List<String> TRAIN_BATCH = List.of("before_batch", "after_pred", "after_loss", "before_backward",
            "after_backward", "before_step", "after_step", "after_batch");
    static final List<String> VALID_BATCH = List.of("before_batch", "after_pred", "after_loss", "after_batch");

    static List<String> repeat(List<String> block, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.addAll(block);
        }
        return out;
    }

    static List<String> train() {
        List<String> out = new ArrayList<>(List.of("before_train"));
        out.addAll(repeat(TRAIN_BATCH, NT));
        out.add("after_train");
        return out;
    }

    static List<String> valid() {
        List<String> out = new ArrayList<>(List.of("before_validate"));
        out.addAll(repeat(VALID_BATCH, NV));
        out.add("after_validate");
        return out;
    }

    static List<String> epoch() {
        List<String> out = new ArrayList<>(List.of("before_epoch"));
        out.addAll(train());
        out.addAll(valid());
        out.add("after_epoch");
        return out;
    }

    static List<String> fit(List<String> body) {
        List<String> out = new ArrayList<>(List.of("before_fit"));
        out.addAll(body);
        out.add("after_fit");
        return out;
    }

    @Test
    void fullFitFiresFastaisEventsInOrder() {
        try (Learner learn = SyntheticLearners.linear(3)) {
            EventLog log = new EventLog();
            learn.fit(2, Lr.of(0.1), log);
            List<String> expected = new ArrayList<>(epoch());
            expected.addAll(epoch());
            assertThat(log.events()).containsExactlyElementsOf(fit(expected));
            assertThat(((TestSgd) learn.opt()).steps).isEqualTo(2 * NT);
        }
    }

    @Test
    void validateAndGetPredsRunFastaisValidationContext() {
        // fastai's validate/get_preds: `with self` fires before_fit, before_epoch, then the
        // validation phase, then after_epoch, after_fit
        EventLog log = new EventLog();
        try (Learner learn = SyntheticLearners.builder(14).addCallback(log).build()) {
            assertThat(log.events()).containsExactly("after_create");
            log.events().clear();
            learn.validate();
            List<String> expected = new ArrayList<>(List.of("before_fit", "before_epoch"));
            expected.addAll(valid());
            expected.addAll(List.of("after_epoch", "after_fit"));
            assertThat(log.events()).containsExactlyElementsOf(expected);
            log.events().clear();
            learn.getPreds(learn.dls().valid(), false, false);
            assertThat(log.events()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void temporaryCallbacksAreRemovedAfterFitEvenOnFailure() {
        try (Learner learn = SyntheticLearners.linear(3)) {
            List<Callback> before = learn.callbacks();
            EventLog log = new EventLog();
            learn.fit(1, Lr.of(0.1), log);
            assertThat(learn.callbacks()).containsExactlyElementsOf(before);
            Callback failing = new Callback() {
                @Override
                public void afterLoss(Learner l) {
                    throw new IllegalStateException("boom");
                }
            };
            assertThatThrownBy(() -> learn.fit(1, Lr.of(0.1), failing)).isInstanceOf(CallbackException.class);
            assertThat(learn.callbacks()).containsExactlyElementsOf(before);
            assertThat(learn.cb(Recorder.class)).isSameAs(learn.recorder());
            assertThat(learn.cb(EventLog.class)).isNull();
        }
    }

    @Test
    void failingCallbackIsNamedAndBatchMemoryIsFreed() {
        try (Learner learn = SyntheticLearners.linear(4)) {
            learn.fit(1, Lr.of(0.1));
            int live = learn.manager().getManagedArrays().size();
            Callback failing = new FailingCallback();
            assertThatThrownBy(() -> learn.fit(1, Lr.of(0.1), failing))
                    .isInstanceOf(CallbackException.class)
                    .hasMessageContaining(FailingCallback.class.getName())
                    .hasMessageContaining("after_pred")
                    .hasRootCauseMessage("bad prediction")
                    .satisfies(e -> assertThat(((CallbackException) e).event()).isEqualTo(Event.AFTER_PRED));
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            assertThat(learn.pred()).isNull();
        }
    }

    static final class FailingCallback implements Callback {
        @Override
        public void afterPred(Learner learn) {
            if (learn.training() && learn.iter() == 2) {
                throw new IllegalArgumentException("bad prediction");
            }
        }
    }

    /** Throws {@code ex} at {@code event} when {@code training} and iteration {@code iter} (-1: any) match. */
    static EventLog thrower(String event, boolean training, int iter, RuntimeException ex) {
        return new EventLog() {
            @Override
            public void on(Event e, Learner learn) {
                super.on(e, learn);
                if (e.fastaiName().equals(event) && learn.training() == training
                        && (iter < 0 || learn.iter() == iter)) {
                    throw ex;
                }
            }
        };
    }

    @Test
    void cancelBatchSkipsToAfterBatchAndGoesOn() {
        try (Learner learn = SyntheticLearners.linear(5)) {
            EventLog log = thrower("after_pred", true, 0, new CancelBatchException());
            learn.fit(1, Lr.of(0.1), log);
            List<String> expected = new ArrayList<>(List.of("before_epoch", "before_train",
                    "before_batch", "after_pred", "after_cancel_batch", "after_batch"));
            expected.addAll(repeat(TRAIN_BATCH, NT - 1));
            expected.add("after_train");
            expected.addAll(valid());
            expected.add("after_epoch");
            assertThat(log.events()).containsExactlyElementsOf(fit(expected));
            assertThat(((TestSgd) learn.opt()).steps).isEqualTo(NT - 1);
        }
    }

    @Test
    void cancelStepSkipsTheUpdateOnly() {
        try (Learner learn = SyntheticLearners.linear(6)) {
            float[] w0 = weights(learn);
            EventLog log = new EventLog() {
                @Override
                public void beforeStep(Learner l) {
                    throw new CancelStepException();
                }
            };
            learn.fit(1, Lr.of(0.1), log);
            List<String> batch = List.of("before_batch", "after_pred", "after_loss", "before_backward",
                    "after_backward", "before_step", "after_cancel_step", "after_step", "after_batch");
            List<String> expected = new ArrayList<>(List.of("before_epoch", "before_train"));
            expected.addAll(repeat(batch, NT));
            expected.add("after_train");
            expected.addAll(valid());
            expected.add("after_epoch");
            assertThat(log.events()).containsExactlyElementsOf(fit(expected));
            assertThat(((TestSgd) learn.opt()).steps).isZero();
            assertThat(weights(learn)).containsExactly(w0);
        }
    }

    @Test
    void cancelBackwardSkipsTheGradientButStillSteps() {
        try (Learner learn = SyntheticLearners.linear(7)) {
            float[] w0 = weights(learn);
            EventLog log = new EventLog() {
                @Override
                public void beforeBackward(Learner l) {
                    throw new CancelBackwardException();
                }
            };
            learn.fit(1, Lr.of(0.1), log);
            List<String> batch = List.of("before_batch", "after_pred", "after_loss", "before_backward",
                    "after_cancel_backward", "after_backward", "before_step", "after_step", "after_batch");
            assertThat(log.events().subList(3, 3 + batch.size())).containsExactlyElementsOf(batch);
            assertThat(((TestSgd) learn.opt()).steps).isEqualTo(NT);
            // no gradient ever computed: zero gradients, no weight decay, so the weights stay
            assertThat(weights(learn)).containsExactly(w0);
        }
    }

    @Test
    void cancelTrainGoesToAfterTrainThenValidates() {
        try (Learner learn = SyntheticLearners.linear(8)) {
            EventLog log = thrower("after_batch", true, 2, new CancelTrainException());
            learn.fit(1, Lr.of(0.1), log);
            List<String> expected = new ArrayList<>(List.of("before_epoch", "before_train"));
            expected.addAll(repeat(TRAIN_BATCH, 3));
            expected.addAll(List.of("after_cancel_train", "after_train"));
            expected.addAll(valid());
            expected.add("after_epoch");
            assertThat(log.events()).containsExactlyElementsOf(fit(expected));
            assertThat(learn.recorder().values().get(0)[1]).isNotNaN(); // validation still ran
        }
    }

    @Test
    void cancelValidGoesToAfterValidate() {
        try (Learner learn = SyntheticLearners.linear(9)) {
            EventLog log = thrower("before_validate", false, -1, new CancelValidException());
            learn.fit(1, Lr.of(0.1), log);
            List<String> expected = new ArrayList<>(List.of("before_epoch"));
            expected.addAll(train());
            expected.addAll(List.of("before_validate", "after_cancel_validate", "after_validate", "after_epoch"));
            assertThat(log.events()).containsExactlyElementsOf(fit(expected));
            double[] row = learn.recorder().values().get(0);
            assertThat(row[0]).isNotNaN();
            assertThat(row[1]).isNaN();
        }
    }

    @Test
    void cancelEpochSkipsToAfterEpochAndTheNextEpochRuns() {
        try (Learner learn = SyntheticLearners.linear(10)) {
            EventLog log = new EventLog() {
                @Override
                public void beforeTrain(Learner l) {
                    if (l.epoch() == 0) {
                        throw new CancelEpochException();
                    }
                }
            };
            learn.fit(2, Lr.of(0.1), log);
            List<String> expected = new ArrayList<>(List.of("before_epoch", "before_train",
                    "after_cancel_epoch", "after_epoch"));
            expected.addAll(epoch());
            assertThat(log.events()).containsExactlyElementsOf(fit(expected));
        }
    }

    @Test
    void cancelFitGoesStraightToAfterFit() {
        try (Learner learn = SyntheticLearners.linear(11)) {
            EventLog log = thrower("after_step", true, 3, new CancelFitException());
            learn.fit(3, Lr.of(0.1), log);
            List<String> expected = new ArrayList<>(List.of("before_epoch", "before_train"));
            expected.addAll(repeat(TRAIN_BATCH, 3));
            expected.addAll(TRAIN_BATCH.subList(0, 7)); // up to after_step of batch 3
            expected.add("after_cancel_fit");
            List<String> all = new ArrayList<>(List.of("before_fit"));
            all.addAll(expected);
            all.add("after_fit");
            assertThat(log.events()).containsExactlyElementsOf(all);
            assertThat(learn.trainIter()).isEqualTo(3);
        }
    }

    @Test
    void runTrainAndRunValidFilterOnlyBatchEvents() {
        try (Learner learn = SyntheticLearners.linear(12)) {
            EventLog trainOnly = new EventLog() {
                @Override
                public boolean runValid() {
                    return false;
                }
            };
            learn.fit(1, Lr.of(0.1), trainOnly);
            List<String> expected = new ArrayList<>(List.of("before_epoch"));
            expected.addAll(train());
            expected.addAll(List.of("before_validate", "after_validate", "after_epoch"));
            assertThat(trainOnly.events()).containsExactlyElementsOf(fit(expected));
        }
    }

    @Test
    void callbacksRunInOrderThenInsertionOrder() {
        try (Learner learn = SyntheticLearners.linear(13)) {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Callback late = named("late", 70, seen);
            Callback early = named("early", -20, seen);
            Callback mid = named("mid", 50, seen);
            learn.fit(1, Lr.of(0.1), late, early, mid);
            assertThat(seen.subList(0, 3)).containsExactly("early", "mid", "late");
            List<Class<?>> order = learn.orderedCallbacks().stream().<Class<?>>map(Object::getClass).toList();
            assertThat(order).containsExactly(TrainEvalCallback.class, Recorder.class);
        }
    }

    static Callback named(String name, int order, List<String> seen) {
        return new Callback() {
            @Override
            public void beforeFit(Learner learn) {
                seen.add(name);
            }

            @Override
            public int order() {
                return order;
            }
        };
    }

    static float[] weights(Learner learn) {
        List<Float> out = new ArrayList<>();
        for (Pair<String, Parameter> p : learn.model().getParameters()) {
            NDArray a = p.getValue().getArray();
            for (float f : a.toFloatArray()) {
                out.add(f);
            }
        }
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }
}
