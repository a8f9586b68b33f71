package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.losses.Losses;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Optimizers;
import org.junit.jupiter.api.Test;

/** BnFreeze on a body (Linear, BatchNorm, ReLU) + head (Linear) model, body frozen. */
class BnFreezeTest {

    /**
     * A learner whose body is frozen: with {@link TestSgd} by DJL's {@code Parameter.freeze} (norm
     * layers included); with fastai4j's SGD by switching gradients off, norm layers excepted when
     * {@code trainBn}.
     */
    private static Learner frozenLearner(TestBatchNorm bn, boolean testSgd, boolean trainBn) {
        SequentialBlock model = new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(bn)
                .add(Activation::relu).add(Linear.builder().setUnits(2).build());
        Learner learn = Learner.builder(SyntheticLearners.data(31), model)
                .optOptFunc(testSgd ? TestSgd.factory() : Optimizers.sgd())
                .optLossFunc(Losses.crossEntropyFlat()).optSilent(true)
                .optSplitter(SyntheticLearners::bodyHead).build();
        learn.createOpt();
        if (!testSgd) {
            learn.opt().setTrainBn(trainBn);
        }
        learn.freeze();
        return learn;
    }

    private static float[] stats(TestBatchNorm bn) {
        return bn.runningMean.getArray().toFloatArray();
    }

    @Test
    void frozenBatchNormKeepsItsRunningStatistics() {
        for (boolean testSgd : new boolean[] {true, false}) {
            frozenKeepsStatistics(testSgd);
        }
    }

    private static void frozenKeepsStatistics(boolean testSgd) {
        TestBatchNorm bn = new TestBatchNorm(8);
        try (Learner learn = frozenLearner(bn, testSgd, false)) {
            float[] before = stats(bn);
            boolean[] evalDuringTraining = new boolean[1];
            Probe probe = new Probe(5).on(Event.BEFORE_BATCH, l -> evalDuringTraining[0] |= l.training() && bn.evalMode());
            learn.fit(1, Lr.of(0.1), new BnFreeze(), probe);
            assertThat(evalDuringTraining[0]).as("eval mode in training, TestSgd=%s", testSgd).isTrue();
            assertThat(stats(bn)).containsExactly(before);
            assertThat(bn.evalMode()).as("eval mode is switched off after the fit").isFalse();
            // without BnFreeze the frozen layer still updates its statistics in training mode
            learn.fit(1, Lr.of(0.1));
            assertThat(stats(bn)).isNotEqualTo(before);
        }
    }

    @Test
    void batchNormThatStillTrainsIsLeftInTrainingMode() {
        // trainBn (fastai's default): BatchNorm parameters of frozen groups keep their gradients,
        // so BnFreeze leaves the layer alone and its statistics move.
        TestBatchNorm bn = new TestBatchNorm(8);
        try (Learner learn = frozenLearner(bn, false, true)) {
            float[] before = stats(bn);
            learn.fit(1, Lr.of(0.1), new BnFreeze());
            assertThat(stats(bn)).isNotEqualTo(before);
        }
    }
}
