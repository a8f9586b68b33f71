package org.fastai4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the command itself: exit codes, messages and the files a run writes. */
class CommandTest {
    static final Path SAMPLE = Path.of("..", "data", "fashion-mnist-sample");

    @TempDir
    static Path tmp;

    static Path small;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** 3 classes × 12 train / 4 valid images copied from the shipped sample. */
    @BeforeAll
    static void smallFolder() throws IOException {
        small = tmp.resolve("small");
        for (String split : List.of("train", "valid")) {
            for (String cls : List.of("Bag", "Sneaker", "Trouser")) {
                Path to = Files.createDirectories(small.resolve(split).resolve(cls));
                try (Stream<Path> files = Files.list(SAMPLE.resolve(split).resolve(cls))) {
                    for (Path f : files.sorted().limit(split.equals("train") ? 12 : 4).toList()) {
                        Files.copy(f, to.resolve(f.getFileName()));
                    }
                }
            }
        }
    }

    @Test
    void badUsageExitsTwoWithTheReasonAndTheUsage() {
        Run r = run("train");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'DATA'").contains("Usage: fastai4j train");
        Run unknown = run("train", small.toString(), "--frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--frobnicate");
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("train", small.toString(), "--bs", "many").code()).isEqualTo(2);
    }

    @Test
    void helpOnEverySubcommand() {
        for (String sub : List.of("train", "lr-find", "verify", "demo", "predict", "interpret")) {
            Run r = run(sub, "--help");
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out()).as(sub).contains("Usage: fastai4j " + sub);
        }
    }

    @Test
    void runtimeFailuresExitOneWithOneLineAndNoStackTrace() {
        Run missing = run("train", tmp.resolve("nope").toString(), "--no-pretrained");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("fastai4j: error: no such folder").contains("nope").doesNotContain("\tat ");
        Run arch = run("train", small.toString(), "--arch", "resnet19", "--no-pretrained", "--size", "28");
        assertThat(arch.code()).isEqualTo(1);
        assertThat(arch.err()).contains("unknown architecture 'resnet19'").contains("resnet34").doesNotContain("\tat ");
        Run debug = run("train", tmp.resolve("nope").toString(), "--debug");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.err()).contains("\tat ");
    }

    @Test
    void verifyListsUndecodableFiles() throws IOException {
        Path bad = tmp.resolve("verify");
        Files.createDirectories(bad.resolve("a"));
        Files.copy(SAMPLE.resolve("train/Bag").resolve(firstFile(SAMPLE.resolve("train/Bag"))), bad.resolve("a/good.png"));
        Files.writeString(bad.resolve("a/text.png"), "not an image");
        Run r = run("verify", bad.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("text.png").doesNotContain("good.png").contains("1 file(s) cannot be decoded");
    }

    static Path run;
    static Run trained;

    /** One small training run shared by the tests that read its folder. */
    static synchronized Path trainedRun() {
        if (run == null) {
            run = tmp.resolve("run");
            trained = run("train", small.toString(), "--no-pretrained", "--arch", "resnet18", "--size", "28", "--no-aug",
                    "--bs", "8", "--epochs", "1", "--lr", "1e-3", "--metrics", "accuracy,error_rate", "--out", run.toString(),
                    "--workers", "1", "--json");
        }
        return run;
    }

    @Test
    void trainWritesTheRunFolderAndResultJson() throws IOException {
        Path out = trainedRun();
        Run r = trained;
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("train_loss").contains("valid_loss").contains("accuracy").contains("Run folder");
        for (String png : List.of("show_batch.png", "losses.png", "schedule.png", "confusion_matrix.png", "top_losses.png")) {
            assertThat(ImageIO.read(out.resolve(png).toFile())).as(png).isNotNull()
                    .satisfies(img -> assertThat(img.getWidth()).isGreaterThan(100));
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("confusion_matrix.png");
        assertThat(out.resolve("model/manifest.json")).isRegularFile();
        assertThat(out.resolve("model/weights.safetensors")).isRegularFile();
        List<String> batches = Files.readAllLines(out.resolve("recorder.csv"));
        assertThat(batches.get(0)).isEqualTo("iter,epoch,lr,mom,loss,smooth_loss");
        assertThat(batches).hasSize(1 + 36 / 8);
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertThat(history.get(0)).startsWith("epoch,train_loss,valid_loss,accuracy,error_rate");
        assertThat(history).hasSize(2);
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("recipe").get("arch").getAsString()).isEqualTo("resnet18");
        assertThat(json.getAsJsonObject("recipe").get("fit").getAsString()).isEqualTo("one-cycle");
        assertThat(json.getAsJsonArray("vocab").toString()).isEqualTo("[\"Bag\",\"Sneaker\",\"Trouser\"]");
        double acc = json.getAsJsonObject("metrics").get("accuracy").getAsDouble();
        double err = json.getAsJsonObject("metrics").get("error_rate").getAsDouble();
        assertThat(acc + err).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.getAsJsonArray("epoch_seconds")).hasSize(1);
        assertThat(json.get("train_images_per_second").getAsDouble()).isPositive();
    }

    @Test
    void predictGivesALabelPerImageAndJsonProbabilities() throws IOException {
        Path model = trainedRun().resolve("model");
        Path bag = small.resolve("valid/Bag").resolve(firstFile(small.resolve("valid/Bag")));
        Path trouser = small.resolve("valid/Trouser").resolve(firstFile(small.resolve("valid/Trouser")));
        Run r = run("predict", model.toString(), bag.toString(), trouser.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            String[] cols = line.split("\t");
            assertThat(cols[1]).isIn("Bag", "Sneaker", "Trouser");
            assertThat(Double.parseDouble(cols[2])).isBetween(1.0 / 3, 1.0);
        }
        Run json = run("predict", trainedRun().toString(), bag.toString(), "--json");
        assertThat(json.code()).as(json.err()).isZero();
        com.google.gson.JsonArray rows = JsonParser.parseString(json.out()).getAsJsonArray();
        JsonObject probs = rows.get(0).getAsJsonObject().getAsJsonObject("probabilities");
        assertThat(probs.keySet()).containsExactly("Bag", "Sneaker", "Trouser");
        double sum = probs.entrySet().stream().mapToDouble(e -> e.getValue().getAsDouble()).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        Run missing = run("predict", tmp.resolve("nomodel").toString(), bag.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no exported model at");
    }

    @Test
    void interpretWritesTheConfusionMatrixAndReport() throws IOException {
        Path out = tmp.resolve("interp");
        Run r = run("interpret", trainedRun().resolve("model").toString(), small.resolve("valid").toString(),
                "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Confusion matrix").contains("precision").contains("macro avg");
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("result.json"))).getAsJsonObject();
        int total = 0;
        for (var row : json.getAsJsonArray("confusion_matrix")) {
            for (var v : row.getAsJsonArray()) {
                total += v.getAsInt();
            }
        }
        assertThat(total).isEqualTo(12);
        assertThat(ImageIO.read(out.resolve("confusion_matrix.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("top_losses.png").toFile())).isNotNull();
        assertThat(out.resolve("report.html")).isRegularFile();
    }

    static Path firstFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().findFirst().orElseThrow().getFileName();
        }
    }
}
