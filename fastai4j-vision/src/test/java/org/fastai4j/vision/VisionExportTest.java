package org.fastai4j.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fastai4j.callback.BnFreeze;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Prediction;
import org.fastai4j.learner.Preds;
import org.fastai4j.optim.Lr;
import org.fastai4j.vision.augment.Augment;
import org.fastai4j.vision.transform.Normalize;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export → loadLearner → predict (issue 4; issue 9 item 16) and BnFreeze on a real ResNet. One
 * resnet18 is trained (one epoch on 12 tiny images) and exported for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisionExportTest {
    @TempDir
    static Path dir;

    ImageDataLoaders dls;
    List<Path> validFiles = new ArrayList<>();
    Learner learn;
    Path out;

    @BeforeAll
    void data() throws Exception {
        String[] classes = {"bee", "ant"}; // not in sorted order: the vocab sorts them (ant, bee)
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 6; i++) {
                ImageDataLoadersTest.png(dir.resolve("data/train/" + classes[c] + "/" + i + ".png"), 40, 36, 200 * c + 9 * i);
            }
            for (int i = 0; i < 3; i++) {
                validFiles.add(ImageDataLoadersTest.png(dir.resolve("data/valid/" + classes[c] + "/" + i + ".png"),
                        36, 44, 200 * c + 7 * i + 3));
            }
        }
        List<BatchTransform> tfms = new ArrayList<>(Augment.augTransforms());
        tfms.add(Normalize.fromStats(Normalize.IMAGENET_STATS));
        dls = ImageDataLoaders.fromFolder(dir.resolve("data")).optItemTfms(Resize.of(32)).optBatchTfms(tfms)
                .optBs(4).optWorkers(1).build();
        learn = trained();
        out = learn.export(dir.resolve("export"));
    }

    @AfterAll
    void close() {
        learn.close();
    }

    Learner trained() {
        Learner learn = VisionLearner.builder(dls, Arch.RESNET18).optPretrained(false)
                .learner(b -> b.optSilent(true).optPath(dir).optSeed(5)).build();
        learn.fit(1, Lr.of(1e-3)); // moves the BatchNorm running statistics away from their initial values
        return learn;
    }

    static String line(Prediction p) {
        StringBuilder sb = new StringBuilder(p.label() + " " + p.index());
        for (float f : p.probabilities()) {
            sb.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(f)));
        }
        return sb.toString();
    }

    @Test
    void exportWritesADirectoryWhoseManifestDescribesModelTransformsVocabLossSeedAndVersions() throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("weights.safetensors",
                    "manifest.json");
        }
        JsonObject m = JsonParser.parseString(Files.readString(out.resolve("manifest.json"))).getAsJsonObject();
        JsonObject model = m.getAsJsonObject("model");
        assertThat(model.get("kind").getAsString()).isEqualTo("vision");
        assertThat(model.get("arch").getAsString()).isEqualTo("resnet18");
        assertThat(model.get("nOut").getAsInt()).isEqualTo(2);
        assertThat(model.get("pretrained").getAsBoolean()).isFalse();
        assertThat(model.getAsJsonObject("head").get("linFtrs").toString()).isEqualTo("[512]");
        assertThat(model.get("inputShapes").toString()).isEqualTo("[[1,3,32,32]]");
        assertThat(m.get("vocab").toString()).isEqualTo("[\"ant\",\"bee\"]");
        assertThat(m.get("seed").getAsLong()).isEqualTo(5);
        assertThat(m.get("bs").getAsInt()).isEqualTo(4);
        assertThat(m.getAsJsonObject("loss").get("name").getAsString()).isEqualTo("CrossEntropyLossFlat");
        assertThat(m.getAsJsonObject("loss").get("decodes").getAsString()).isEqualTo("argmax");
        JsonObject resize = m.getAsJsonArray("itemTfms").get(0).getAsJsonObject();
        assertThat(resize.get("type").getAsString()).isEqualTo("Resize");
        assertThat(resize.get("height").getAsInt()).isEqualTo(32);
        assertThat(resize.get("method").getAsString()).isEqualTo("CROP");
        assertThat(resize.get("padMode").getAsString()).isEqualTo("REFLECTION");
        var batch = m.getAsJsonArray("batchTfms");
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("IntToFloat");
        JsonObject norm = batch.get(1).getAsJsonObject();
        assertThat(norm.get("mean").toString()).isEqualTo("[0.485,0.456,0.406]");
        assertThat(norm.get("std").toString()).isEqualTo("[0.229,0.224,0.225]");
        assertThat(m.getAsJsonArray("excludedBatchTfms").size()).isEqualTo(Augment.augTransforms().size());
        assertThat(m.getAsJsonObject("versions").keySet()).contains("fastai4j", "djl", "engine", "engine_version");
        assertThat(org.fastai4j.io.Safetensors.read(out.resolve("weights.safetensors")).metadata())
                .containsEntry("seed", "5").containsEntry("format", "fastai4j-export");
    }

    /**
     * A loaded export predicts exactly (bit for bit) what the exporting learner did, with the same
     * class order, in this JVM and in a new one (a child java process with this classpath).
     */
    @Test
    void aLoadedExportPredictsExactlyWhatTheExportingLearnerDidHereAndInANewJvm() throws Exception {
        List<String> expected = new ArrayList<>();
        for (Path f : validFiles) {
            expected.add(line(learn.predict(f)));
        }
        Preds before = learn.getPreds(validFiles);
        assertThat(learn.showResults(4).toImage().getWidth()).isPositive();
        assertThat(expected.stream().map(l -> l.split(" ")[0]).distinct()).isSubsetOf("ant", "bee");
        try (Learner loaded = VisionLearner.loadLearner(out)) {
            assertThat(loaded.dls().vocab().orElseThrow().items()).containsExactly("ant", "bee");
            List<String> got = new ArrayList<>();
            for (Path f : validFiles) {
                got.add(line(loaded.predict(f)));
            }
            assertThat(got).containsExactlyElementsOf(expected);
            Preds after = loaded.getPreds(validFiles);
            for (int i = 0; i < validFiles.size(); i++) {
                assertThat(after.activations()[i]).containsExactly(before.activations()[i]);
                assertThat(after.decoded()[i]).containsExactly(before.decoded()[i]);
            }
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"),
                ExportChild.class.getName(), out.toString()));
        validFiles.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(stdout.lines().toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void aBrokenExportIsRefusedWithTheFileNamed() throws Exception {
        Path out = learn.export(dir.resolve("export2"));
        learn.export(out); // an existing export is replaced
        Path manifest = out.resolve("manifest.json");
        String good = Files.readString(manifest);
        Files.writeString(manifest, good.replace("\"nOut\": 2", "\"nOut\": 3"));
        assertThatThrownBy(() -> VisionLearner.loadLearner(out)).isInstanceOf(IOException.class)
                .hasMessageContaining("weights.safetensors").hasMessageContaining("mis-shaped");
        Files.writeString(manifest, good.replace("\"kind\": \"vision\"", "\"kind\": \"custom\""));
        assertThatThrownBy(() -> VisionLearner.loadLearner(out)).isInstanceOf(IOException.class)
                .hasMessageContaining("manifest.json").hasMessageContaining("custom");
        Files.writeString(manifest, "{ not json");
        assertThatThrownBy(() -> VisionLearner.loadLearner(out)).isInstanceOf(IOException.class)
                .hasMessageContaining("manifest.json");
        assertThatThrownBy(() -> VisionLearner.loadLearner(dir.resolve("nothing"))).isInstanceOf(IOException.class)
                .hasMessageContaining("manifest.json");
    }

    static Map<String, float[]> runningStats(Learner learn) {
        Map<String, float[]> out = new LinkedHashMap<>();
        StateDicts.parameters(learn.model()).forEach((k, p) -> {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                out.put(k, p.getArray().toFloatArray());
            }
        });
        return out;
    }

    /**
     * BnFreeze on a real resnet18 (TorchBatchNorm now implements FreezableBatchNorm): with the body
     * frozen and trainBn off, one epoch leaves every running statistic of the body (names "0.*")
     * unchanged while the head's BatchNorm1d ("1.*") still updates; a second epoch of the same
     * learner without BnFreeze does change the body's statistics (so the check can fail).
     */
    @Test
    void bnFreezeKeepsTheRunningStatisticsOfFrozenLayersOfARealResnet() {
        try (Learner frozen = VisionLearner.builder(dls, Arch.RESNET18).optPretrained(false)
                .learner(b -> b.optSilent(true).optPath(dir).optTrainBn(false)).build()) {
            frozen.freeze(); // groups body0, body1 frozen; the head trains
            for (boolean withCallback : new boolean[] {true, false}) {
                Map<String, float[]> before = runningStats(frozen);
                if (withCallback) {
                    frozen.fit(1, Lr.of(1e-3), new BnFreeze());
                } else {
                    frozen.fit(1, Lr.of(1e-3));
                }
                Map<String, float[]> after = runningStats(frozen);
                assertThat(before.keySet()).anyMatch(k -> k.startsWith("0.")).anyMatch(k -> k.startsWith("1."));
                int bodyChanged = 0;
                for (String k : before.keySet()) {
                    boolean same = java.util.Arrays.equals(before.get(k), after.get(k));
                    if (k.startsWith("1.")) {
                        assertThat(same).as("head statistic %s updates", k).isFalse();
                    } else if (!same) {
                        bodyChanged++;
                    }
                }
                if (withCallback) {
                    assertThat(bodyChanged).as("body statistics changed with BnFreeze").isZero();
                } else {
                    assertThat(bodyChanged).as("body statistics changed without BnFreeze").isPositive();
                }
            }
        }
    }
}
