package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.metrics.AvgMetric;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/** EarlyStopping and ReduceLROnPlateau on the synthetic learner (16 training batches an epoch). */
class TrackerCallbacksTest {

    /** A step so small that float32 weights of order 0.1-1 do not change: a frozen model. */
    static final double TINY = 1e-30;

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
        // lr 1e-30: float32 weights do not move, so valid_loss is the same every epoch. Epoch 0 is a new
        // best (from +inf); epoch 1 is not (equal, min_delta 0): wait 1 >= patience 1 -> stop.
        try (Learner learn = SyntheticLearners.linear(3)) {
            learn.fit(5, Lr.of(TINY), new EarlyStopping());
            assertThat(learn.recorder().values()).hasSize(2);
            assertThat(learn.callbacks()).noneMatch(cb -> cb instanceof EarlyStopping);
            // patience 3: epochs 1, 2, 3 without a best -> 4 epochs.
            learn.fit(10, Lr.of(TINY), new EarlyStopping("valid_loss", null, 0, 3));
            assertThat(learn.recorder().values()).hasSize(4);
            // a metric (higher is better) that stays constant stops the same way.
            learn.fit(5, Lr.of(TINY), new EarlyStopping("accuracy", null, 0, 1));
            assertThat(learn.recorder().values()).hasSize(2);
        }
    }

    @Test
    void earlyStoppingMinDeltaDemandsALargerImprovement() {
        // lr 0.1 lowers valid_loss, but never by more than 10: only epoch 0 is a best.
        try (Learner learn = SyntheticLearners.linear(4)) {
            EarlyStopping es = new EarlyStopping("valid_loss", null, 10, 2);
            learn.fit(6, Lr.of(0.1), es);
            assertThat(learn.recorder().values()).hasSize(3);
            assertThat(es.best()).isEqualTo(learn.recorder().values().get(0)[1]);
        }
    }

    @Test
    void unknownMonitorIsNamed() {
        try (Learner learn = SyntheticLearners.linear(5)) {
            assertThatThrownBy(() -> learn.fit(1, Lr.of(0.1), new EarlyStopping("valid_lost", null, 0, 1)))
                    .rootCause().isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("valid_lost").hasMessageContaining("valid_loss");
        }
    }

    @Test
    void reduceLrOnPlateauDividesEveryGroupsLrByFactor() {
        // A metric that is always 1 (higher is better by name): epoch 0 is the best, then every
        // epoch is a plateau. patience 1: after epoch 1 lr 0.1 -> 0.01, after epoch 2 -> 0.001.
        try (Learner learn = SyntheticLearners.builder(6).addMetric(new AvgMetric("constant", (p, t) -> 1.0)).build()) {
            learn.fit(3, Lr.of(0.1), new ReduceLROnPlateau("constant", null, 0, 1, 10, 0));
            double[] lrs = learn.recorder().lrs();
            assertThat(lrs).hasSize(48);
            assertThat(Arrays.copyOfRange(lrs, 0, 32)).containsOnly(0.1);
            assertThat(Arrays.copyOfRange(lrs, 32, 48)).containsOnly(0.1 / 10);
            assertThat(learn.opt().hyper("lr")).containsExactly(0.1 / 10 / 10);
        }
    }

    @Test
    void reduceLrOnPlateauRespectsPatienceAndMinLr() {
        // patience 2: epochs 1 and 2 wait, then lr 0.1 -> max(0.01, 0.05) = 0.05; epoch 3 and 4 wait,
        // then max(0.005, 0.05) = 0.05 again.
        try (Learner learn = SyntheticLearners.twoGroupBuilder(7).addMetric(new AvgMetric("constant", (p, t) -> 1.0))
                .build()) {
            learn.fit(5, Lr.of(0.1), new ReduceLROnPlateau("constant", Comparison.GREATER, 0, 2, 10, 0.05));
            double[] lrs = learn.recorder().lrs();
            assertThat(Arrays.copyOfRange(lrs, 0, 48)).containsOnly(0.1);
            assertThat(Arrays.copyOfRange(lrs, 48, 80)).containsOnly(0.05);
            assertThat(learn.opt().hyper("lr")).containsExactly(0.05, 0.05);
        }
    }
}
