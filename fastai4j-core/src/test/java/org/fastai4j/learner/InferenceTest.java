package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.callback.TerminateOnNaN;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.losses.Losses;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict, getPreds(withInput), tta, TerminateOnNaN with checkpoints, lrFind memory. */
class InferenceTest {
    @TempDir
    Path dir;

    /** softmax(model(rows + shift)) computed directly, outside the loop. */
    static float[][] forward(Learner learn, float[][] rows, float shift) {
        try (NDManager m = NDManager.newBaseManager(); GradMode g = GradMode.disabled()) {
            NDArray x = m.create(rows).add(shift);
            NDArray out = learn.model().forward(new ParameterStore(m, false), new NDList(x), false).head();
            NDArray p = out.softmax(-1);
            float[] flat = p.toFloatArray();
            int c = flat.length / rows.length;
            float[][] r = new float[rows.length][c];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(flat, i * c, r[i], 0, c);
            }
            return r;
        }
    }

    static float[][] validRows(Learner learn) {
        DataLoader v = learn.dls().valid();
        int[] idx = new int[v.itemCount()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        try (NDManager m = NDManager.newBaseManager(); Batch b = v.itemsAt(idx, m)) {
            float[] flat = b.xs().head().toFloatArray();
            float[][] r = new float[idx.length][2];
            for (int i = 0; i < idx.length; i++) {
                r[i][0] = flat[2 * i];
                r[i][1] = flat[2 * i + 1];
            }
            return r;
        }
    }

    @Test
    void predictDecodesTheClassFromTheVocabAndReturnsTheSoftmax() {
        try (Learner learn = SyntheticLearners.linear(21)) {
            learn.fit(2, Lr.of(0.1));
            float[] pos = {0.9f, 0.5f};
            float[] neg = {-0.8f, -0.2f};
            Prediction p = learn.predict(pos);
            Prediction n = learn.predict(neg);
            // the data's rule: class "pos" when x0 + 0.5*x1 > 0; vocab [neg, pos]
            assertThat(p.label()).isEqualTo("pos");
            assertThat(p.index()).isEqualTo(1);
            assertThat(n.label()).isEqualTo("neg");
            assertThat(n.index()).isZero();
            float[][] direct = forward(learn, new float[][] {pos, neg}, 0);
            assertThat(p.probabilities()).containsExactly(direct[0]);
            assertThat(n.probabilities()).containsExactly(direct[1]);
            assertThat(p.probabilities()[0] + p.probabilities()[1]).isCloseTo(1f, within(1e-6f));
            Preds both = learn.getPreds(List.of(pos, neg));
            assertThat(both.activations()[0]).containsExactly(p.probabilities());
            assertThat(both.decoded()[1]).containsExactly(0f);
        }
    }

    @Test
    void getPredsWithInputReturnsTheModelInputsOfEveryItem() {
        try (Learner learn = SyntheticLearners.linear(22)) {
            Preds p = learn.getPreds(learn.dls().valid(), true, true, true);
            float[][] rows = validRows(learn);
            assertThat(p.inputs()).hasDimensions(SyntheticLearners.N_VALID, 2);
            for (int i = 0; i < rows.length; i++) {
                assertThat(p.inputs()[i]).containsExactly(rows[p.indices()[i]]);
            }
            assertThat(p.losses()).hasSize(SyntheticLearners.N_VALID);
            assertThat(learn.getPreds(learn.dls().valid(), true, false).inputs()).isNull();
        }
    }

    /**
     * fastai's tta: aug = mean of n passes with the training transforms (pass i drawn as epoch i), then
     * torch.lerp(aug, plain, beta) = aug + beta*(plain - aug). The fixture's "augmentation" shifts the
     * inputs of pass i by 0.05*(i+1), so the expected value is computed directly from the model: for
     * n = 4, aug = (p(x+.05) + p(x+.10) + p(x+.15) + p(x+.20)) / 4 and out = aug + 0.25*(p(x) - aug).
     */
    @Test
    void ttaMixesTheMeanOfTheAugmentedPassesWithThePlainOneAsFastai() {
        try (Learner learn = SyntheticLearners.linear(23)) {
            learn.fit(1, Lr.of(0.1));
            Preds t = learn.tta(learn.dls().valid(), 4, 0.25);
            float[][] rows = validRows(learn);
            float[][] plain = forward(learn, rows, 0);
            float[][][] aug = new float[4][][];
            for (int k = 0; k < 4; k++) {
                aug[k] = forward(learn, rows, 0.05f * (k + 1));
            }
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < 2; c++) {
                    float mean = (aug[0][i][c] + aug[1][i][c] + aug[2][i][c] + aug[3][i][c]) / 4;
                    float expected = mean + 0.25f * (plain[i][c] - mean);
                    assertThat(t.activations()[i][c]).isCloseTo(expected, within(1e-6f));
                }
                // not simply the plain prediction: the augmented passes moved it
                assertThat(t.activations()[i][0]).isNotEqualTo(plain[i][0]);
            }
            Preds max = learn.ttaMax(learn.dls().valid(), 2);
            for (int c = 0; c < 2; c++) {
                float expected = Math.max(Math.max(aug[0][0][c], aug[1][0][c]), plain[0][c]);
                assertThat(max.activations()[0][c]).isCloseTo(expected, within(1e-6f));
            }
            assertThat(t.targets()).hasNumberOfRows(SyntheticLearners.N_VALID);
        }
    }

    /**
     * Issue 9 item 13: SGD at lr 100 on a squared loss diverges geometrically to inf, then NaN. With
     * TerminateOnNaN the fit stops in the first non-finite batch: nothing after it runs, the Recorder
     * holds only finite losses (one per batch before it), and the checkpoint saved before the fit loads
     * back (the model is finite again).
     */
    @Test
    void terminateOnNaNStopsInThatBatchRecordsNothingNonFiniteAndTheLastCheckpointLoads() throws Exception {
        try (Learner learn = Learner.builder(SyntheticLearners.data(24), Linear.builder().setUnits(1).build())
                .optLossFunc(Losses.mseFlat()).optOptFunc(TestSgd.factory()).optSilent(true).optSeed(24)
                .optPath(dir).build()) {
            learn.fit(1, Lr.of(1e-3));
            learn.save("good");
            float[] good = LoopEventsTest.weights(learn);
            List<Double> seen = new ArrayList<>();
            Callback probe = new Callback() {
                @Override
                public int order() {
                    return -20; // before TerminateOnNaN (-9) and the Recorder (50)
                }

                @Override
                public void afterBatch(Learner l) {
                    if (l.training()) {
                        seen.add((double) l.loss().getFloat());
                    }
                }
            };
            learn.fit(50, Lr.of(100), new TerminateOnNaN(), probe);
            int bad = seen.size() - 1;
            assertThat(Double.isFinite(seen.get(bad))).as("last batch seen is the non-finite one").isFalse();
            assertThat(seen.subList(0, bad)).allMatch(Double::isFinite);
            assertThat(bad).isLessThan(50 * 16 - 1); // stopped long before the planned end
            double[] recorded = learn.recorder().rawLosses();
            assertThat(recorded).hasSize(bad);
            assertThat(java.util.Arrays.stream(recorded).allMatch(Double::isFinite)).isTrue();
            assertThat(java.util.Arrays.stream(learn.recorder().losses()).allMatch(Double::isFinite)).isTrue();
            learn.load("good");
            assertThat(LoopEventsTest.weights(learn)).containsExactly(good);
        }
    }

    /** Fix 4(a): lrFind's snapshot takes the optimizer's fresh copies without duplicating them again. */
    @Test
    void lrFindWithAdamLeavesNoLiveArrayBehind() {
        try (Learner learn = Learner.builder(SyntheticLearners.data(25), Linear.builder().setUnits(2).build())
                .optSilent(true).build()) {
            learn.fit(1, Lr.of(1e-2)); // Adam state: grad_avg, sqr_avg, step per parameter
            int live = learn.manager().getManagedArrays().size();
            for (int i = 0; i < 3; i++) {
                learn.lrFind(1e-5, 1, 10, false);
                assertThat(learn.manager().getManagedArrays()).hasSize(live);
            }
        }
    }
}
