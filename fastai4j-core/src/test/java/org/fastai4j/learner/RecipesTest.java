package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fastai4j.callback.ParamScheduler;
import org.fastai4j.optim.Schedules;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * The recipes of fastai's callback/schedule.py. Expected values come from fastai's formulas,
 * written out here: sched_cos(start, end, p) = start + (1 + cos(pi*(1-p))) * (end-start)/2;
 * combined_cos(pct, a, b, c)(pos) = sched_cos(a, b, pos/pct) if pos < pct else
 * sched_cos(b, c, (pos-pct)/(1-pct)); pos is pct_train: epoch/n_epoch at before_train, plus
 * 1/(n_iter*n_epoch) after each training batch (TrainEvalCallback).
 */
class RecipesTest {
    static final int NB = SyntheticLearners.N_TRAIN / SyntheticLearners.BS;

    static double schedCos(double start, double end, double p) {
        return start + (1 + Math.cos(Math.PI * (1 - p))) * (end - start) / 2;
    }

    static double combinedCos(double pct, double a, double b, double c, double pos) {
        return pos < pct ? schedCos(a, b, pos / pct) : schedCos(b, c, (pos - pct) / (1 - pct));
    }

    /** pct_train before each training batch of a fit, accumulated as fastai does. */
    static double[] positions(int nEpoch, int nIter) {
        double[] out = new double[nEpoch * nIter];
        int k = 0;
        for (int e = 0; e < nEpoch; e++) {
            double pct = (double) e / nEpoch;
            for (int i = 0; i < nIter; i++) {
                out[k++] = pct;
                pct += 1.0 / (nIter * nEpoch);
            }
        }
        return out;
    }

    /** Records, per fit, n_epoch, the first trainable group, and each training batch's lrs. */
    static final class FitLog implements Callback {
        final List<Integer> nEpochs = new ArrayList<>();
        final List<Integer> frozen = new ArrayList<>();
        final List<List<double[]>> lrs = new ArrayList<>();
        final List<float[]> bodyAtEnd = new ArrayList<>();

        @Override
        public void beforeFit(Learner learn) {
            nEpochs.add(learn.nEpoch());
            frozen.add(((TestSgd) learn.opt()).frozenUpTo());
            lrs.add(new ArrayList<>());
        }

        @Override
        public void afterStep(Learner learn) {
            lrs.get(lrs.size() - 1).add(learn.opt().hyper("lr"));
        }

        @Override
        public void afterFit(Learner learn) {
            bodyAtEnd.add(learn.model().getChildren().get(0).getValue().getParameters().get(0).getValue()
                    .getArray().toFloatArray());
        }
    }

    static void assertRel(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * 1e-6 + 1e-15));
    }

    @Test
    void oneCycleSetsLrAndMomEveryBatchAsCombinedCos() {
        try (Learner learn = SyntheticLearners.linear(41)) {
            learn.fitOneCycle(2, 0.1);
            double[] lrs = learn.recorder().lrs();
            double[] moms = learn.recorder().moms();
            double[] pos = positions(2, NB);
            assertThat(lrs).hasSize(pos.length);
            for (int k = 0; k < pos.length; k++) {
                assertRel(lrs[k], combinedCos(0.25, 0.1 / 25, 0.1, 0.1 / 1e5, pos[k]));
                assertRel(moms[k], combinedCos(0.25, 0.95, 0.85, 0.95, pos[k]));
            }
            assertThat(learn.recorder().hps().get("lr")).containsExactly(lrs);
            assertThat(learn.recorder().hps().get("mom")).containsExactly(moms);
            // ParamScheduler was a temporary callback
            assertThat(learn.callbacks()).noneMatch(cb -> cb instanceof org.fastai4j.callback.ParamScheduler);
        }
    }

    @Test
    void oneCycleOptionsAndDiscriminativeLrs() {
        try (Learner learn = SyntheticLearners.twoGroupBuilder(42).build()) {
            FitLog log = new FitLog();
            OneCycleOptions o = OneCycleOptions.DEFAULTS.withDiv(10).withDivFinal(100).withPctStart(0.5)
                    .withMoms(0.9, 0.8, 0.9);
            learn.fitOneCycle(1, Lr.range(1e-3, 1e-1), o, log);
            double[] pos = positions(1, NB);
            double[] lrMax = {1e-3, 1e-1}; // slice(1e-3, 1e-1) over 2 groups: geometric
            for (int k = 0; k < NB; k++) {
                for (int g = 0; g < 2; g++) {
                    assertRel(log.lrs.get(0).get(k)[g], combinedCos(0.5, lrMax[g] / 10, lrMax[g], lrMax[g] / 100, pos[k]));
                }
                assertRel(learn.recorder().moms()[k], combinedCos(0.5, 0.9, 0.8, 0.9, pos[k]));
            }
        }
    }

    @Test
    void fineTuneFreezesFitsUnfreezesFitsAsFastai() {
        try (Learner learn = SyntheticLearners.twoGroupBuilder(43).build()) {
            float[] body0 = learn.model().getChildren().get(0).getValue().getParameters().get(0).getValue()
                    .getArray().toFloatArray();
            FitLog log = new FitLog();
            learn.fineTune(2, FineTuneOptions.DEFAULTS, log);
            // fit 1: freeze (first trainable group = 1), freeze_epochs = 1, slice(2e-3) -> [2e-4, 2e-3], pct_start 0.99, div 25
            // fit 2: unfreeze, 2 epochs, base_lr/2 = 1e-3, slice(1e-3/100, 1e-3) -> [1e-5, 1e-3], pct_start 0.3, div 5
            assertThat(log.nEpochs).containsExactly(1, 2);
            assertThat(log.frozen).containsExactly(1, 0);
            assertThat(log.bodyAtEnd.get(0)).containsExactly(body0); // the frozen body did not move
            assertThat(log.bodyAtEnd.get(1)).isNotEqualTo(body0);
            double[] pos1 = positions(1, NB);
            double[] max1 = {2e-4, 2e-3};
            for (int k = 0; k < NB; k++) {
                for (int g = 0; g < 2; g++) {
                    assertRel(log.lrs.get(0).get(k)[g], combinedCos(0.99, max1[g] / 25, max1[g], max1[g] / 1e5, pos1[k]));
                }
            }
            double[] pos2 = positions(2, NB);
            double[] max2 = {1e-5, 1e-3};
            assertThat(log.lrs.get(1)).hasSize(2 * NB);
            for (int k = 0; k < 2 * NB; k++) {
                for (int g = 0; g < 2; g++) {
                    assertRel(log.lrs.get(1).get(k)[g], combinedCos(0.3, max2[g] / 5, max2[g], max2[g] / 1e5, pos2[k]));
                }
            }
            assertThat(learn.callbacks()).doesNotContain(log);
        }
    }

    @Test
    void recipesAreTheirPublicParts() {
        // DESIGN: fitOneCycle is fit + ParamScheduler of Schedules.combinedCos; fineTune is
        // freeze, fitOneCycle, unfreeze, fitOneCycle. Rebuilt from the parts: identical numbers.
        try (Learner a = SyntheticLearners.twoGroupBuilder(46).build();
                Learner b = SyntheticLearners.twoGroupBuilder(46).build()) {
            a.fineTune(1);
            b.freeze();
            b.fit(1, null, null, false, new ParamScheduler(Map.of(
                    "lr", List.of(Schedules.combinedCos(0.99, 2e-4 / 25, 2e-4, 2e-4 / 1e5),
                            Schedules.combinedCos(0.99, 2e-3 / 25, 2e-3, 2e-3 / 1e5)),
                    "mom", List.of(Schedules.combinedCos(0.99, 0.95, 0.85, 0.95)))));
            b.unfreeze();
            b.fit(1, null, null, false, new ParamScheduler(Map.of(
                    "lr", List.of(Schedules.combinedCos(0.3, 1e-5 / 5, 1e-5, 1e-5 / 1e5),
                            Schedules.combinedCos(0.3, 1e-3 / 5, 1e-3, 1e-3 / 1e5)),
                    "mom", List.of(Schedules.combinedCos(0.3, 0.95, 0.85, 0.95)))));
            assertThat(LoopEventsTest.weights(b)).containsExactly(LoopEventsTest.weights(a));
            assertThat(b.recorder().losses()).containsExactly(a.recorder().losses());
            assertThat(b.recorder().lrs()).containsExactly(a.recorder().lrs());
        }
    }

    @Test
    void flatCosKeepsLrThenAnneals() {
        try (Learner learn = SyntheticLearners.linear(44)) {
            learn.fitFlatCos(2, Lr.of(0.05));
            double[] lrs = learn.recorder().lrs();
            double[] pos = positions(2, NB);
            for (int k = 0; k < pos.length; k++) {
                // fit_flat_cos: combined_cos(0.75, lr, lr, lr/1e5)
                assertRel(lrs[k], combinedCos(0.75, 0.05, 0.05, 0.05 / 1e5, pos[k]));
            }
            assertThat(learn.recorder().hps()).containsOnlyKeys("lr");
        }
    }

    @Test
    void sgdrRestartsTheCosineEachCycle() {
        try (Learner learn = SyntheticLearners.linear(45)) {
            learn.fitSgdr(3, 1, Lr.of(0.05));
            // n_epoch = cycle_len * (cycle_mult^n_cycles - 1) // (cycle_mult - 1) = 1 * 7 // 1 = 7;
            // cycles of 1, 2 and 4 epochs (pcts 1/7, 2/7, 4/7), each sched_cos(lr, 0)
            double[] lrs = learn.recorder().lrs();
            assertThat(lrs).hasSize(7 * NB);
            assertThat(learn.recorder().iters()).hasSize(7);
            double[] pos = positions(7, NB);
            // fastai's combine_scheds cumulates the pcts in a float32 tensor: boundaries
            // [0, 0.14285715, 0.42857146, 1.0] (torch 1.13: torch.cumsum(tensor([0,1/7,2/7,4/7]),0)).
            // 3/7 rounds to 0.42857143 < 0.42857146, so the first batch of epoch 3 is still the
            // end of cycle 2 in fastai (lr ~ 0): the restart comes one batch later.
            float[] starts = {0f, (float) (1.0 / 7), (float) (1.0 / 7) + (float) (2.0 / 7), 1f};
            for (int k = 0; k < pos.length; k++) {
                float f = (float) pos[k];
                int c = f >= starts[2] ? 2 : f >= starts[1] ? 1 : 0;
                double p = (f - starts[c]) / (starts[c + 1] - starts[c]);
                // fastai's combine_scheds works in float32: ~1e-7 relative error on the position
                assertThat(lrs[k]).isCloseTo(schedCos(0.05, 0, p), within(0.05 * 1e-6));
            }
            assertRel(lrs[NB], 0.05); // restart at epoch 1
            assertThat(lrs[3 * NB]).isLessThan(1e-6); // fastai's float32 boundary (see above)
            assertRel(lrs[3 * NB + 1], schedCos(0.05, 0, (((float) pos[3 * NB + 1]) - starts[2]) / (1 - starts[2])));
        }
    }
}
