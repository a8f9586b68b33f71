package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.fastai4j.plot.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {

    @Test
    void smoothedLossIsFastaisDebiasedEma() {
        // fastai AvgSmoothLoss: val = lerp(loss, val, beta) = beta*val + (1-beta)*loss from 0;
        // value = val / (1 - beta^count).
        double[] seq = {2.0, 1.0, 3.0, 0.5, 0.25};
        AvgSmoothLoss s = new AvgSmoothLoss(0.98);
        s.accumulate(seq[0]);
        assertThat(s.value()).isCloseTo(2.0, within(1e-12)); // 0.02*2 / (1-0.98) = 2
        s.accumulate(seq[1]);
        // (0.98*0.04 + 0.02*1) / (1 - 0.98^2) = 0.0592 / 0.0396
        assertThat(s.value()).isCloseTo(0.0592 / 0.0396, within(1e-12));
        s.accumulate(seq[2]);
        // avg3 = 0.98*0.0592 + 0.02*3 = 0.118016; 1-0.98^3 = 0.058808
        assertThat(s.value()).isCloseTo(0.118016 / 0.058808, within(1e-12));
        assertThat(s.count()).isEqualTo(3);
        s.reset();
        assertThat(s.value()).isNaN();
    }

    @Test
    void recorderKeepsPerBatchAndPerEpochValues(@TempDir Path dir) throws Exception {
        try (Learner learn = SyntheticLearners.linear(21)) {
            learn.fit(2, Lr.of(0.05));
            Recorder r = learn.recorder();
            int nb = SyntheticLearners.N_TRAIN / SyntheticLearners.BS;
            double[] raw = r.rawLosses();
            double[] smooth = r.losses();
            assertThat(raw).hasSize(2 * nb);
            double avg = 0;
            for (int i = 0; i < raw.length; i++) {
                avg = 0.98 * avg + 0.02 * raw[i];
                assertThat(smooth[i]).isCloseTo(avg / (1 - Math.pow(0.98, i + 1)), within(1e-12));
            }
            assertThat(r.lrs()).containsOnly(0.05);
            assertThat(r.moms()).containsOnly(0.9); // TestSgd's momentum
            assertThat(r.iters()).containsExactly(nb, 2 * nb);
            assertThat(r.metricNames()).containsExactly("epoch", "train_loss", "valid_loss", "accuracy", "time");
            List<double[]> values = r.values();
            // train_loss = the smoothed loss at the end of each epoch's training (fastai)
            assertThat(values.get(0)[0]).isEqualTo(smooth[nb - 1]);
            assertThat(values.get(1)[0]).isEqualTo(smooth[2 * nb - 1]);
            // the last epoch's validation equals validate() on the same weights
            double[] v = learn.validate();
            assertThat(values.get(1)[1]).isCloseTo(v[0], within(1e-7));
            assertThat(values.get(1)[2]).isEqualTo(v[1]);
            // validate() keeps the training history
            assertThat(r.values()).hasSize(2);
            assertThat(r.losses()).hasSize(2 * nb);

            Path history = r.writeHistory(dir.resolve("run/history.csv"));
            List<String> lines = Files.readAllLines(history);
            assertThat(lines.get(0)).isEqualTo("epoch,train_loss,valid_loss,accuracy,time");
            assertThat(lines).hasSize(3);
            for (int e = 0; e < 2; e++) {
                String[] cells = lines.get(e + 1).split(",");
                assertThat(cells[0]).isEqualTo(Integer.toString(e));
                for (int c = 0; c < 3; c++) {
                    assertThat(Double.parseDouble(cells[c + 1])).isEqualTo(values.get(e)[c]);
                }
                assertThat(cells[4]).matches("\\d\\d:\\d\\d");
            }
            Path batches = r.writeBatches(dir.resolve("run/recorder.csv"));
            List<String> rows = Files.readAllLines(batches);
            assertThat(rows.get(0)).isEqualTo("iter,epoch,lr,mom,loss,smooth_loss");
            assertThat(rows).hasSize(2 * nb + 1);
            String[] row = rows.get(nb + 1).split(",");
            assertThat(row[0]).isEqualTo(Integer.toString(nb));
            assertThat(row[1]).isEqualTo("1");
            assertThat(Double.parseDouble(row[2])).isEqualTo(0.05);
            assertThat(Double.parseDouble(row[3])).isEqualTo(0.9);
            assertThat(Double.parseDouble(row[4])).isEqualTo(raw[nb]);
            assertThat(Double.parseDouble(row[5])).isEqualTo(smooth[nb]);
            try (var files = Files.list(dir.resolve("run"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                        "history.csv", "recorder.csv"); // no temp file left
            }
        }
    }

    @Test
    void epochTableIsFormattedAsFastprogress() {
        EpochTable t = new EpochTable(List.of("epoch", "train_loss", "valid_loss", "accuracy", "time"));
        // names shorter than 8 are padded to 8, joined by two spaces
        assertThat(t.header()).isEqualTo("epoch     train_loss  valid_loss  accuracy  time    ");
        // each cell: text + ' ' * (2 + len(name) - len(text)); floats as %.6f
        assertThat(t.row(List.of(0, 0.5, 0.25, 0.96875, "00:01")))
                .isEqualTo("0         0.500000    0.250000    0.968750  00:01     ");
        assertThat(FormatTime.format(0)).isEqualTo("00:00");
        assertThat(FormatTime.format(65.9)).isEqualTo("01:05");
        assertThat(FormatTime.format(3725)).isEqualTo("1:02:05");
    }

    @Test
    void progressCallbackPrintsTheEpochTable() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Learner learn = SyntheticLearners.builder(22).addCallback(new ProgressCallback(out, null)).build()) {
            learn.fit(2, Lr.of(0.05));
            String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
            assertThat(lines).hasSize(3);
            assertThat(lines[0]).isEqualTo("epoch     train_loss  valid_loss  accuracy  time    ");
            for (int e = 0; e < 2; e++) {
                double[] v = learn.recorder().values().get(e);
                String expected = String.format(Locale.ROOT, "%-10s%-12s%-12s%-10s%s     ", e,
                        String.format(Locale.ROOT, "%.6f", v[0]), String.format(Locale.ROOT, "%.6f", v[1]),
                        String.format(Locale.ROOT, "%.6f", v[2]), learn.recorder().times().get(e));
                assertThat(lines[e + 1]).isEqualTo(expected);
            }
            buf.reset();
            learn.validate(); // validation context: nothing printed
            learn.lrFind(1e-4, 1, 10, true); // fastai's lr_find runs with no_logging
            assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }

    @Test
    void progressBarShowsTheBatchesOfThePhase() {
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        ByteArrayOutputStream bar = new ByteArrayOutputStream();
        try (Learner learn = SyntheticLearners.builder(24).addCallback(new ProgressCallback(
                new PrintStream(table, true, StandardCharsets.UTF_8), new PrintStream(bar, true, StandardCharsets.UTF_8)))
                .build()) {
            learn.fit(2, Lr.of(0.05));
            String text = bar.toString(StandardCharsets.UTF_8);
            assertThat(text).contains("\rEpoch 1/2 : |").contains("100.00% [16/16 ").contains("[4/4 ")
                    .contains("\rEpoch 2/2 : |");
            assertThat(table.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
        }
    }

    @Test
    void plotsAreRendered() {
        try (Learner learn = SyntheticLearners.linear(23)) {
            learn.fitOneCycle(1, 0.1);
            Figure loss = learn.recorder().plotLoss();
            assertThat(loss.toImage().getWidth()).isEqualTo(640);
            Figure sched = learn.recorder().plotSched();
            assertThat(learn.recorder().hps()).containsOnlyKeys("lr", "mom");
            assertThat(sched.toImage().getWidth()).isEqualTo(2 * 640); // lr and mom side by side
        }
    }
}
