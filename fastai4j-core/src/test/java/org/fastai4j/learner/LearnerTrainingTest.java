package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.core.Linear;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

class LearnerTrainingTest {

    @Test
    void linearLearnerLearnsSeparablePoints() {
        try (Learner learn = SyntheticLearners.linear(1)) {
            double[] before = learn.validate();
            learn.fit(4, Lr.of(0.1));
            double[] after = learn.validate();
            // [valid_loss, accuracy]: the points are separable with a margin, a linear model fits them.
            assertThat(after[1]).isGreaterThanOrEqualTo(0.95);
            assertThat(after[0]).isLessThan(before[0]);
            assertThat(learn.recorder().values()).hasSize(4);
            assertThat(learn.recorder().values().get(3)[2]).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void defaultAdamAndCrossEntropyLearnWithOneCycle() {
        // seeded: unseeded, the initial weights differ from run to run and 3 epochs ended between 0.75 and 1.0
        try (Learner learn = Learner.builder(SyntheticLearners.data(3), Linear.builder().setUnits(2).build())
                .addMetric(Metrics.accuracy()).optSeed(3).optSilent(true).build()) {
            learn.fitOneCycle(3, 0.05);
            double[] v = learn.validate();
            assertThat(v[1]).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void fitOneCycleLearnsToo() {
        try (Learner learn = SyntheticLearners.linear(2)) {
            learn.fitOneCycle(3, 0.5);
            assertThat(learn.validate()[1]).isGreaterThanOrEqualTo(0.95);
        }
    }
}
