package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastai4j.callback.SaveModel;
import org.fastai4j.io.Safetensors;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Optimizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** learn.save/load (issue 4 persistence; issue 9 items 9, 10, 15). */
class CheckpointsTest {
    @TempDir
    Path dir;

    static LearnerBuilder adam(long seed, Path path) {
        return SyntheticLearners.twoGroupBuilder(seed).optOptFunc(Optimizers.adam()).optPath(path);
    }

    /** The optimizer state as Java arrays, by name. */
    static Map<String, float[]> optState(Learner learn) {
        Map<String, float[]> out = new LinkedHashMap<>();
        Map<String, NDArray> s = learn.opt().stateDict();
        try {
            s.forEach((k, v) -> out.put(k, v.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray()));
        } finally {
            s.values().forEach(NDArray::close);
        }
        return out;
    }

    static void assertSameState(Map<String, float[]> a, Map<String, float[]> b) {
        assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
        a.forEach((k, v) -> assertThat(b.get(k)).as(k).containsExactly(v));
    }

    @Test
    void saveWritesDottedSafetensorsWithSeedAndVersionsAndLoadRestoresWeightsAndOptimizerExactly() throws Exception {
        float[] w;
        Map<String, float[]> state;
        try (Learner learn = adam(7, dir).build()) {
            learn.fit(1, Lr.of(1e-2));
            Path file = learn.save("a");
            assertThat(file).isEqualTo(learn.path().resolve("a.safetensors"));
            assertThat(learn.path()).isEqualTo(dir.resolve("models"));
            Safetensors.Contents c = Safetensors.read(file);
            // torch-style names of Sequential(Linear(8), ReLU, Linear(2)): "0.weight", "0.bias", "2.weight", "2.bias"
            assertThat(c.tensors().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
            assertThat(c.metadata()).containsEntry("format", "fastai4j-checkpoint").containsEntry("seed", "7")
                    .containsEntry("epoch", "0").containsEntry("n_epoch", "1").containsEntry("train_iter", "16")
                    .containsKeys("fastai4j", "djl", "engine", "engine_version", "checkpoint_id");
            Safetensors.Contents o = Safetensors.read(learn.path().resolve("a.opt.safetensors"));
            assertThat(o.metadata().get("checkpoint_id")).isEqualTo(c.metadata().get("checkpoint_id"));
            assertThat(o.tensors().keySet()).anyMatch(k -> k.endsWith(".grad_avg")).anyMatch(k -> k.endsWith(".sqr_avg"));
            assertThat(Checkpoints.readMetadata(learn, "a")).containsEntry("seed", "7");
            w = LoopEventsTest.weights(learn);
            state = optState(learn);
        }
        try (Learner fresh = adam(8, dir).build()) {
            assertThat(LoopEventsTest.weights(fresh)).isNotEqualTo(w);
            fresh.load("a");
            assertThat(LoopEventsTest.weights(fresh)).containsExactly(w);
            assertSameState(state, optState(fresh));
        }
    }

    /**
     * Issue 9 item 9: fit_one_cycle(2) uninterrupted vs the same run stopped after epoch 0 (checkpoint by
     * SaveModel every epoch, with the optimizer), then a new learner that loads it and resumes with
     * startEpoch 1 (fastai's SkipToEpoch): same per-batch losses, learning rates, final weights and
     * optimizer state, bit for bit.
     */
    @Test
    void resumingFromACheckpointReproducesTheUninterruptedRunExactly() throws Exception {
        double[] lossesA;
        double[] lrsA;
        float[] wA;
        Map<String, float[]> stateA;
        try (Learner a = adam(11, dir.resolve("a")).build()) {
            a.fitOneCycle(2, Lr.of(1e-2), OneCycleOptions.DEFAULTS, 0);
            lossesA = a.recorder().rawLosses();
            lrsA = a.recorder().lrs();
            wA = LoopEventsTest.weights(a);
            stateA = optState(a);
        }
        assertThat(lossesA).hasSize(32);
        double[] lossesB;
        try (Learner b = adam(11, dir.resolve("b")).build()) {
            Callback stop = new Callback() {
                @Override
                public int order() {
                    return 62; // after SaveModel (61)
                }

                @Override
                public void afterEpoch(Learner learn) {
                    throw new CancelFitException(); // the "crash" after epoch 0's checkpoint
                }
            };
            b.fitOneCycle(2, Lr.of(1e-2), OneCycleOptions.DEFAULTS, 0,
                    SaveModel.builder().optFname("ck").optEveryEpoch(1).optWithOpt(true).build(), stop);
            lossesB = b.recorder().rawLosses();
        }
        assertThat(lossesB).containsExactly(java.util.Arrays.copyOfRange(lossesA, 0, 16));
        try (Learner c = adam(11, dir.resolve("b")).build()) { // same data; the weights come from the checkpoint
            c.load("ck_0");
            Map<String, String> meta = Checkpoints.readMetadata(c, "ck_0");
            assertThat(meta).containsEntry("epoch", "0").containsEntry("n_epoch", "2").containsEntry("seed", "11");
            c.fitOneCycle(2, Lr.of(1e-2), OneCycleOptions.DEFAULTS, Integer.parseInt(meta.get("epoch")) + 1);
            assertThat(c.recorder().rawLosses()).containsExactly(java.util.Arrays.copyOfRange(lossesA, 16, 32));
            assertThat(c.recorder().lrs()).containsExactly(java.util.Arrays.copyOfRange(lrsA, 16, 32));
            assertThat(LoopEventsTest.weights(c)).containsExactly(wA);
            assertSameState(stateA, optState(c));
        }
    }

    /** Issue 9 item 15: the same seed gives identical per-step losses; another seed does not. */
    @Test
    void twoRunsWithTheSameSeedGiveIdenticalPerStepLosses() throws Exception {
        double[][] runs = new double[3][];
        long[] seeds = {5, 5, 6};
        for (int i = 0; i < 3; i++) {
            try (Learner l = adam(seeds[i], dir.resolve("r" + i)).build()) {
                l.fitOneCycle(2, 1e-2);
                runs[i] = l.recorder().rawLosses();
                l.save("end");
                assertThat(Checkpoints.readMetadata(l, "end")).containsEntry("seed", Long.toString(seeds[i]))
                        .containsEntry("data_seed", "none");
            }
        }
        assertThat(runs[0]).hasSize(32).containsExactly(runs[1]);
        assertThat(runs[2]).isNotEqualTo(runs[0]);
    }

    @Test
    void aMismatchedCheckpointIsRefusedBeforeAnyWeightChanges() throws Exception {
        try (Learner big = adam(3, dir).build()) {
            big.save("big", false);
        }
        try (Learner small = SyntheticLearners.builder(3).optPath(dir).build()) {
            float[] before = LoopEventsTest.weights(small);
            assertThatThrownBy(() -> small.load("big", false, true)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing").hasMessageContaining("0.weight");
            assertThat(LoopEventsTest.weights(small)).containsExactly(before);
            assertThatThrownBy(() -> small.load("none")).isInstanceOf(java.nio.file.NoSuchFileException.class)
                    .hasMessageContaining("none.safetensors");
            assertThatThrownBy(() -> small.save("../x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /**
     * Issue 9 item 10 (unwritable folder): the learner's folder lies under a regular file, so nothing
     * can be created there (root ignores permissions, not this). The save throws an IOException naming
     * the path; weights and optimizer state are unchanged and training goes on; a checkpoint saved
     * before elsewhere is intact. The disk-full case runs in {@code CheckpointFaultsTest}.
     */
    @Test
    void anUnwritableFolderGivesAnIOExceptionNamingThePathAndChangesNothing() throws Exception {
        Path blocker = Files.writeString(dir.resolve("plainfile"), "x");
        try (Learner good = adam(4, dir.resolve("ok")).build()) {
            good.fit(1, Lr.of(1e-2));
            good.save("prev");
        }
        byte[] prev = Files.readAllBytes(dir.resolve("ok/models/prev.safetensors"));
        try (Learner learn = adam(4, blocker).build()) {
            learn.fit(1, Lr.of(1e-2));
            float[] w = LoopEventsTest.weights(learn);
            Map<String, float[]> state = optState(learn);
            assertThatThrownBy(() -> learn.save("ck")).isInstanceOf(IOException.class)
                    .hasMessageContaining(blocker.resolve("models").resolve("ck.safetensors").toString());
            assertThat(LoopEventsTest.weights(learn)).containsExactly(w);
            assertSameState(state, optState(learn));
            learn.fit(1, Lr.of(1e-2));
            assertThat(learn.recorder().rawLosses()).hasSize(16);
            assertThat(java.util.Arrays.stream(learn.recorder().rawLosses()).allMatch(Double::isFinite)).isTrue();
        }
        assertThat(Files.readAllBytes(dir.resolve("ok/models/prev.safetensors"))).isEqualTo(prev);
    }

    @Test
    void staleTemporaryFilesOfTheCheckpointPatternAreCleanedOnSave() throws Exception {
        try (Learner learn = adam(2, dir).build()) {
            Files.createDirectories(learn.path());
            Path stale = Files.writeString(learn.path().resolve(".ck.safetensors123.tmp"), "partial");
            Path other = Files.writeString(learn.path().resolve("notes.tmp"), "keep");
            learn.save("ck");
            assertThat(stale).doesNotExist();
            assertThat(other).exists();
            try (var s = Files.list(learn.path())) {
                assertThat(s.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("ck.safetensors", "notes.tmp");
            }
            assertThat(StateDicts.names(learn.model())).hasSize(4);
        }
    }

    /** A learner without an ExportSpec exports as kind "custom": weights, vocab, loss, seed, versions. */
    @Test
    void aPlainLearnerExportsWeightsAndAManifestOfKindCustom() throws Exception {
        try (Learner learn = adam(9, dir).build()) {
            learn.fit(1, Lr.of(1e-2));
            Path out = learn.export();
            assertThat(out).isEqualTo(dir.resolve("export").toAbsolutePath());
            com.google.gson.JsonObject m = Export.readManifest(out);
            assertThat(m.getAsJsonObject("model").get("kind").getAsString()).isEqualTo("custom");
            assertThat(m.getAsJsonObject("model").get("inputShapes").toString()).isEqualTo("[[1,2]]");
            assertThat(m.get("vocab").toString()).isEqualTo("[\"neg\",\"pos\"]");
            assertThat(m.get("seed").getAsLong()).isEqualTo(9);
            assertThat(m.getAsJsonObject("loss").get("name").getAsString()).isEqualTo("CrossEntropyLossFlat");
            assertThat(Export.loss(m).name()).isEqualTo("CrossEntropyLossFlat");
            Safetensors.Contents w = Export.readWeights(out);
            assertThat(w.metadata()).containsEntry("seed", "9");
            try (Learner other = adam(10, dir.resolve("o")).build()) {
                StateDicts.load(other.model(), w.tensors(), true);
                assertThat(LoopEventsTest.weights(other)).containsExactly(LoopEventsTest.weights(learn));
            }
            try (var s = Files.list(dir)) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactly("export"); // no temporary directory left
            }
        }
    }
}
