package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.metrics.Metric;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Optimizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SaveModel on the synthetic learner, with a scripted metric so the best epoch is known. Tests that
 * save the optimizer state use fastai4j's SGD, whose {@code stateDict()} returns copies the caller
 * owns (and closes).
 */
class SaveModelTest {

    /** A metric whose value in the k-th validation is {@code values[k]}. */
    private static final class Scripted implements Metric {
        private final double[] values;
        private int resets = -1;

        Scripted(double... values) {
            this.values = values;
        }

        @Override
        public String name() {
            return "score";
        }

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public void accumulate(NDArray pred, NDArray target) {}

        @Override
        public double value() {
            return values[resets];
        }
    }

    private static float[] weights(Learner learn) {
        List<Float> out = new ArrayList<>();
        for (Pair<String, Parameter> p : learn.model().getParameters()) {
            for (float f : p.getValue().getArray().toFloatArray()) {
                out.add(f);
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    private static List<float[]> fitWatching(Learner learn, int epochs, SaveModel save) {
        List<float[]> perEpoch = new ArrayList<>();
        Probe probe = new Probe(70).on(Event.AFTER_EPOCH, l -> perEpoch.add(weights(l)));
        learn.fit(epochs, Lr.of(0.1), save, probe);
        return perEpoch;
    }

    @Test
    void savesTheBestEpochAndLoadsItBackAtTheEnd(@TempDir Path dir) {
        // score by epoch: 0.5, 0.9, 0.7 ("score": higher is better) -> epoch 1 is the best.
        try (Learner learn = SyntheticLearners.builder(41).optPath(dir).addMetric(new Scripted(0.5, 0.9, 0.7)).build()) {
            SaveModel save = SaveModel.builder().optMonitor("score").build();
            List<float[]> perEpoch = fitWatching(learn, 3, save);
            assertThat(save.best()).isEqualTo(0.9);
            assertThat(save.lastSavedPath()).isEqualTo(learn.path().resolve("model.safetensors")).exists();
            assertThat(perEpoch.get(1)).isNotEqualTo(perEpoch.get(2));
            assertThat(weights(learn)).containsExactly(perEpoch.get(1));
        }
    }

    @Test
    void lowerIsBetterForLossesByDefault(@TempDir Path dir) {
        // valid_loss falls every epoch with lr 0.1 here, so the last epoch is the best: the
        // weights after the fit are the last epoch's.
        try (Learner learn = SyntheticLearners.builder(42).optPath(dir).build()) {
            SaveModel save = new SaveModel();
            List<float[]> perEpoch = fitWatching(learn, 3, save);
            List<double[]> values = learn.recorder().values();
            int best = 0;
            for (int e = 1; e < values.size(); e++) {
                if (values.get(e)[1] < values.get(best)[1]) {
                    best = e;
                }
            }
            assertThat(save.best()).isEqualTo(values.get(best)[1]);
            assertThat(weights(learn)).containsExactly(perEpoch.get(best));
        }
    }

    @Test
    void everyEpochSavesNumberedFilesAndLoadsNothing(@TempDir Path dir) {
        try (Learner learn = SyntheticLearners.builder(43).optPath(dir).optOptFunc(Optimizers.sgd()).build()) {
            SaveModel save = SaveModel.builder().optEveryEpoch(2).optWithOpt(true).build();
            List<float[]> perEpoch = fitWatching(learn, 3, save);
            assertThat(learn.path().resolve("model_0.safetensors")).exists();
            assertThat(learn.path().resolve("model_0.opt.safetensors")).exists();
            assertThat(learn.path().resolve("model_1.safetensors")).doesNotExist();
            assertThat(learn.path().resolve("model_2.safetensors")).exists();
            assertThat(weights(learn)).containsExactly(perEpoch.get(2));
        }
    }

    @Test
    void withOptRestoresTheOptimizerStateOfTheBestEpoch(@TempDir Path dir) {
        try (Learner learn = SyntheticLearners.builder(44).optPath(dir).optOptFunc(Optimizers.sgd())
                .addMetric(new Scripted(0.9, 0.5)).build()) {
            List<String> stateAtBest = new ArrayList<>();
            Probe probe = new Probe(70).on(Event.AFTER_EPOCH, l -> {
                if (l.epoch() == 0) {
                    stateAtBest.add(describe(l));
                }
            });
            learn.fit(2, Lr.of(0.1), SaveModel.builder().optMonitor("score").optWithOpt(true).build(), probe);
            assertThat(describe(learn)).isEqualTo(stateAtBest.get(0));
            try (Learner fresh = SyntheticLearners.builder(44).optPath(dir).build()) {
                assertThatThrownBy(() -> fresh.load("nope", false, true))
                        .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("nope");
            }
        }
    }

    /** The optimizer state as text (names and values), to compare two moments. */
    private static String describe(Learner learn) {
        StringBuilder sb = new StringBuilder();
        var state = learn.opt().stateDict();
        state.forEach((k, v) -> sb.append(k).append('=').append(java.util.Arrays.toString(v.toArray())).append(';'));
        state.values().forEach(NDArray::close);
        return sb.toString();
    }

    @Test
    void atEndSavesTheFinalModel(@TempDir Path dir) throws Exception {
        try (Learner learn = SyntheticLearners.builder(45).optPath(dir).build()) {
            SaveModel save = SaveModel.builder().optAtEnd(true).optFname("final").build();
            List<float[]> perEpoch = fitWatching(learn, 2, save);
            Path file = learn.path().resolve("final.safetensors");
            assertThat(save.lastSavedPath()).isEqualTo(file);
            assertThat(weights(learn)).containsExactly(perEpoch.get(1));
            assertThat(Files.size(file)).isPositive();
        }
        assertThatThrownBy(() -> SaveModel.builder().optEveryEpoch(1).optAtEnd(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("everyEpoch and atEnd");
        assertThatThrownBy(() -> SaveModel.builder().optFname("a/b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b");
    }
}
