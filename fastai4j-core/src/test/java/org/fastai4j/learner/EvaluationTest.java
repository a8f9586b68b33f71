package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void getPredsMatchesValidateAndTheData() {
        try (Learner learn = SyntheticLearners.linear(51)) {
            learn.fit(2, Lr.of(0.1));
            double[] v = learn.validate();
            Preds p = learn.getPreds(learn.dls().valid(), true, true);
            assertThat(p.size()).isEqualTo(SyntheticLearners.N_VALID);
            assertThat(p.indices()).containsExactly(IntStream.range(0, SyntheticLearners.N_VALID).toArray());
            double lossSum = 0;
            int correct = 0;
            for (int i = 0; i < p.size(); i++) {
                float[] act = p.activations()[i];
                assertThat(act).hasSize(2);
                assertThat(act[0] + act[1]).isCloseTo(1f, within(1e-6f)); // softmax (the loss's activation)
                int argmax = act[1] > act[0] ? 1 : 0;
                assertThat(p.decoded()[i]).containsExactly((float) argmax);
                assertThat(p.targets()[i]).hasSize(1);
                // per-item cross-entropy = -log(softmax[target])
                int t = (int) p.targets()[i][0];
                assertThat((double) p.losses()[i]).isCloseTo(-Math.log(act[t]), within(1e-5));
                lossSum += p.losses()[i];
                correct += argmax == t ? 1 : 0;
            }
            // all validation batches have 16 items, so the batch-size-weighted mean is the plain mean
            assertThat(lossSum / p.size()).isCloseTo(v[0], within(1e-6));
            assertThat((double) correct / p.size()).isEqualTo(v[1]);
            // getPreds and validate leave the training record alone
            assertThat(learn.recorder().values()).hasSize(2);
        }
    }

    @Test
    void getPredsFromACallbackDuringFitLeavesTheFitIntact() {
        // fastai's FetchPredsCallback calls get_preds in after_validate
        List<Preds> fetched = new ArrayList<>();
        Callback fetch = new Callback() {
            @Override
            public void afterValidate(Learner learn) {
                if (!learn.inValidationContext()) {
                    fetched.add(learn.getPreds(learn.dls().valid(), false, false));
                }
            }
        };
        try (Learner learn = SyntheticLearners.linear(53)) {
            learn.fit(2, Lr.of(0.1), fetch);
            assertThat(fetched).hasSize(2);
            assertThat(fetched.get(1).size()).isEqualTo(SyntheticLearners.N_VALID);
            assertThat(learn.recorder().values()).hasSize(2);
            assertThat(learn.recorder().losses()).hasSize(2 * SyntheticLearners.N_TRAIN / SyntheticLearners.BS);
        }
    }

    @Test
    void getPredsWithoutOptionsAndOnTheTrainingLoader() {
        try (Learner learn = SyntheticLearners.linear(52)) {
            Preds p = learn.getPreds(learn.dls().train(), false, false);
            assertThat(p.decoded()).isNull();
            assertThat(p.losses()).isNull();
            int[] sorted = p.indices().clone();
            Arrays.sort(sorted);
            assertThat(sorted).containsExactly(IntStream.range(0, SyntheticLearners.N_TRAIN).toArray());
        }
    }
}
