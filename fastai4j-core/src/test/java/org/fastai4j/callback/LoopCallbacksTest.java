package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TerminateOnNaN, GradientAccumulation and CsvLogger on the synthetic learner. */
class LoopCallbacksTest {

    @Test
    void terminateOnNaNCancelsTheFitInTheBatchOfTheNaN() {
        // The probe turns the loss of training batch 3 into NaN (keeping its graph). TerminateOnNaN
        // (order -9) cancels in that batch's after_batch, before the Recorder (order 50) records it:
        // 3 losses recorded, no epoch row, and fit returns normally (CancelFit is caught).
        try (Learner learn = SyntheticLearners.linear(11)) {
            Probe nan = new Probe(0).on(Event.AFTER_LOSS, l -> {
                if (l.training() && l.iter() == 3) {
                    l.setLoss(l.loss().mul(Float.NaN));
                }
            });
            List<String> events = new ArrayList<>();
            Probe fitEnd = new Probe(100).on(Event.AFTER_CANCEL_FIT, l -> events.add("after_cancel_fit"))
                    .on(Event.AFTER_FIT, l -> events.add("after_fit"));
            learn.fit(2, Lr.of(0.1), nan, fitEnd, new TerminateOnNaN());
            assertThat(learn.recorder().rawLosses()).hasSize(3).doesNotContain(Double.NaN);
            assertThat(learn.recorder().values()).isEmpty();
            assertThat(events).containsExactly("after_cancel_fit", "after_fit");
        }
    }

    private static float[] weightGrad(Learner learn) {
        for (Pair<String, Parameter> p : learn.model().getParameters()) {
            if (p.getKey().endsWith("weight")) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    return g.toFloatArray();
                }
            }
        }
        throw new AssertionError("no weight parameter");
    }

    private static List<float[]> gradsAtStep(Learner learn, int epochs, org.fastai4j.learner.Callback... extra) {
        List<float[]> grads = new ArrayList<>();
        Probe probe = new Probe(7).on(Event.BEFORE_STEP, l -> grads.add(weightGrad(l)));
        org.fastai4j.learner.Callback[] cbs = new org.fastai4j.learner.Callback[extra.length + 1];
        System.arraycopy(extra, 0, cbs, 0, extra.length);
        cbs[extra.length] = probe;
        learn.fit(epochs, Lr.of(TrackerCallbacksTest.TINY), cbs);
        return grads;
    }

    @Test
    void gradientAccumulationStepsOnTheMeanGradientOfNAccItems() {
        // With a step too small to move float32 weights, every batch sees the same weights. Without
        // accumulation the probe (order 7, after GradientAccumulation's 6) sees each batch's mean
        // gradient g_0..g_15. With nAcc 32 = 2 batches of 16, each batch's loss is divided by
        // 32/16 = 2 for backward and the step runs every second batch on (g_2k + g_2k+1)/2; the
        // recorded losses are not divided.
        List<float[]> plain;
        double[] plainLosses;
        try (Learner learn = SyntheticLearners.linear(12)) {
            plain = gradsAtStep(learn, 1);
            plainLosses = learn.recorder().rawLosses();
        }
        try (Learner learn = SyntheticLearners.linear(12)) {
            List<float[]> acc = gradsAtStep(learn, 1, new GradientAccumulation(32));
            assertThat(plain).hasSize(16);
            assertThat(acc).hasSize(8);
            for (int k = 0; k < 8; k++) {
                float[] a = plain.get(2 * k);
                float[] b = plain.get(2 * k + 1);
                for (int j = 0; j < a.length; j++) {
                    assertThat(acc.get(k)[j]).as("step %d, component %d", k, j).isCloseTo((a[j] + b[j]) / 2, within(1e-6f));
                }
            }
            assertThat(learn.recorder().rawLosses()).containsExactly(plainLosses);
        }
        // nAcc 16 = one batch: a step every batch on the batch's own gradient.
        try (Learner learn = SyntheticLearners.linear(12)) {
            List<float[]> each = gradsAtStep(learn, 1, new GradientAccumulation(16));
            assertThat(each).hasSize(16);
            assertThat(each.get(5)).containsExactly(plain.get(5), within(1e-7f));
        }
    }

    @Test
    void csvLoggerWritesTheEpochTable(@TempDir Path dir) throws IOException {
        try (Learner learn = SyntheticLearners.builder(13).optPath(dir).build()) {
            CsvLogger csv = new CsvLogger();
            learn.fit(2, Lr.of(0.1), csv);
            Path file = dir.resolve("history.csv");
            assertThat(csv.file()).isEqualTo(file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).isEqualTo("epoch,train_loss,valid_loss,accuracy,time");
            for (int e = 0; e < 2; e++) {
                String[] cells = lines.get(e + 1).split(",");
                assertThat(cells).hasSize(5);
                assertThat(cells[0]).isEqualTo(String.valueOf(e));
                double[] rec = learn.recorder().values().get(e);
                for (int c = 0; c < 3; c++) {
                    assertThat(Double.parseDouble(cells[c + 1])).isEqualTo(rec[c]);
                }
                assertThat(cells[4]).isEqualTo(learn.recorder().times().get(e));
            }
            assertThat(Files.exists(dir.resolve("history.csv.tmp"))).isFalse();
            // a second fit overwrites by default; with append the old lines stay and a header follows.
            learn.fit(1, Lr.of(0.1), new CsvLogger());
            assertThat(Files.readAllLines(file)).hasSize(2);
            CsvLogger appending = new CsvLogger("history.csv", true);
            learn.fit(1, Lr.of(0.1), appending);
            List<List<String>> log = appending.readLog();
            assertThat(log).hasSize(4);
            assertThat(log.get(2).get(0)).isEqualTo("epoch");
            // validate() does not write (fastai's validation context has no logger)
            learn.validate();
            assertThat(Files.readAllLines(file)).hasSize(4);
        }
    }
}
