package org.fastai4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example on the shipped sample with tiny settings (a few images per class, 32×32, one
 * epoch), the way CI keeps them from rotting: each must write valid PNGs of a sensible size and a
 * history whose last metric is the one it returns, a number in [0, 1]. Pretrained weights are
 * never downloaded ({@code fastai4j.offline}): the examples fall back to training from scratch.
 */
class ExamplesTest {
    static final Path SAMPLE = Path.of("../data/fashion-mnist-sample");
    static final List<String> CLASSES = List.of("Ankle_boot", "Bag", "Coat", "Dress", "Pullover", "Sandal",
            "Shirt", "Sneaker", "T-shirt_top", "Trouser");
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static String offlineBefore;

    @TempDir
    Path out;

    @BeforeAll
    static void offline() {
        offlineBefore = System.getProperty("fastai4j.offline");
        System.setProperty("fastai4j.offline", "true");
        // one intra-op thread: on a shared, loaded machine libtorch's OpenMP threads otherwise wait
        // for each other (measured here: a ResNet-34 epoch 20x slower with 2 threads than with 1)
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    @AfterAll
    static void restore() {
        if (offlineBefore == null) {
            System.clearProperty("fastai4j.offline");
        } else {
            System.setProperty("fastai4j.offline", offlineBefore);
        }
    }

    /** Runs {@code main} with {@code args}, returning what it printed (and echoing it). */
    static String captured(ThrowingRun body) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            body.run();
        } finally {
            System.setOut(old);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        old.print(text);
        return text;
    }

    interface ThrowingRun {
        void run() throws Exception;
    }

    String[] args(String... extra) {
        String[] base = {"--data", SAMPLE.toString(), "--out", out.toString(), "--limit", "4", "--bs", "16"};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** A PNG file (signature and decodable) of at least {@code minW}×{@code minH} pixels. */
    static BufferedImage assertPng(Path file, int minW, int minH) throws IOException {
        assertThat(file).isRegularFile();
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(8)).as("PNG signature of %s", file).containsExactly(PNG_SIGNATURE);
        }
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img).as("decodable %s", file).isNotNull();
        assertThat(img.getWidth()).as("width of %s", file).isBetween(minW, 8000);
        assertThat(img.getHeight()).as("height of %s", file).isBetween(minH, 8000);
        return img;
    }

    /** The value of {@code column} in the last row of a history CSV. */
    static double lastInHistory(Path csv, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).as("header and at least one epoch in %s", csv).hasSizeGreaterThanOrEqualTo(2);
        int col = Arrays.asList(lines.get(0).split(",")).indexOf(column);
        assertThat(col).as("column %s in %s", column, lines.get(0)).isNotNegative();
        return Double.parseDouble(lines.get(lines.size() - 1).split(",")[col]);
    }

    static void assertMetric(ExampleResult r, String metric, Path history) throws IOException {
        assertThat(r.metric()).isEqualTo(metric);
        assertThat(r.value()).isBetween(0.0, 1.0);
        assertThat(lastInHistory(history, metric)).as("the history's last %s is the returned one", metric)
                .isCloseTo(r.value(), within(1e-4));
    }

    @Test
    void quickstartWritesBatchConfusionMatrixAndTopLossesAndFallsBackToScratch() throws Exception {
        ExampleResult[] r = new ExampleResult[1];
        String printed = captured(() -> r[0] = Quickstart.run(args("--size", "32", "--epochs", "1", "--workers", "1")));
        assertThat(printed).contains("NOTE: no pretrained weights here", "offline")
                .contains("learn.fineTune(1)").contains("[quickstart] 64 training and 16 validation images");
        assertPng(out.resolve("show_batch.png"), 150, 150);
        BufferedImage cm = assertPng(out.resolve("confusion_matrix.png"), 300, 300);
        BufferedImage top = assertPng(out.resolve("top_losses.png"), 300, 200);
        assertThat(top.getWidth()).as("2 rows x 3 columns of top losses").isGreaterThan(top.getHeight());
        assertThat((double) cm.getWidth() / cm.getHeight()).as("a square 10x10 matrix").isBetween(0.7, 1.4);
        // the recorder keeps the epochs of the last fit, as fastai's: fineTune(1)'s unfrozen epoch
        assertThat(Files.readAllLines(out.resolve("history.csv"))).hasSize(2);
        assertMetric(r[0], "error_rate", out.resolve("history.csv"));
        assertThat(r[0].files()).containsExactly(out.resolve("show_batch.png").toAbsolutePath(),
                out.resolve("history.csv").toAbsolutePath(), out.resolve("confusion_matrix.png").toAbsolutePath(),
                out.resolve("top_losses.png").toAbsolutePath());
    }

    @Test
    void djlDatasetsReadTheVocabFromTheDatasetAndApplyADjlBatchTransform() throws Exception {
        ExampleResult[] r = new ExampleResult[1];
        String printed = captured(() -> r[0] = DjlDatasets.run(args("--size", "28", "--epochs", "1", "--workers", "1")));
        assertThat(printed).contains("vocab read from the DJL dataset: " + CLASSES)
                .contains("dataset.randomSplit(8, 2): 32 training and 8 validation images");
        double before = r[0].numbers().get("batch_mean_before");
        // DJL's Normalize computes (x - mean) / std per channel; the three channels share one mean
        // and std, so the batch mean moves the same way
        assertThat(r[0].numbers().get("batch_mean_after")).as("the DJL Normalize ran on the batch")
                .isCloseTo((before - 0.2860) / 0.3530, within(1e-4));
        assertThat(before).isBetween(0.05, 0.95);
        assertPng(out.resolve("show_batch.png"), 150, 150);
        assertPng(out.resolve("confusion_matrix.png"), 300, 300);
        assertMetric(r[0], "accuracy", out.resolve("history.csv"));
    }

    @Test
    void customModelTrainsAPlainDjlBlockAndPlotsItsTopLosses() throws Exception {
        ExampleResult[] r = new ExampleResult[1];
        String printed = captured(() -> r[0] = CustomModel.run(args("--size", "28", "--epochs", "2")));
        assertThat(printed).contains("learn.fitOneCycle(2, 0.001)");
        BufferedImage top = assertPng(out.resolve("top_losses.png"), 300, 200);
        assertThat(top.getWidth()).as("2 rows x 3 columns of top losses").isGreaterThan(top.getHeight());
        assertPng(out.resolve("confusion_matrix.png"), 300, 300);
        assertThat(Files.readAllLines(out.resolve("history.csv"))).as("two epochs").hasSize(3);
        assertMetric(r[0], "accuracy", out.resolve("history.csv"));
    }

    @Test
    void lrFinderPrintsFourSuggestionsSavesThePlotAndTrainsAtTheValley() throws Exception {
        ExampleResult[] r = new ExampleResult[1];
        String printed = captured(() -> r[0] = LrFinder.run(args("--size", "32", "--num-it", "20",
                "--arch", "resnet18", "--pretrained", "false", "--workers", "1")));
        double valley = r[0].numbers().get("valley");
        assertThat(valley).as("a learning rate inside the sweep").isBetween(1e-7, 10.0);
        assertThat(r[0].numbers()).containsKeys("valley", "slide", "minimum", "steep");
        assertThat(r[0].numbers().get("minimum")).isBetween(1e-8, 1.0);
        assertThat(printed).contains("fitOneCycle(1, " + ExampleRun.format(valley) + ")");
        assertPng(out.resolve("lr_find.png"), 300, 200);
        assertMetric(r[0], "accuracy", out.resolve("history.csv"));
    }

    @Test
    void badOptionsAreRefusedNamingThem() {
        assertThatThrownBy(() -> Quickstart.run(new String[] {"--sise", "32"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--sise")
                .hasMessageContaining("--size");
        assertThatThrownBy(() -> CustomModel.run(new String[] {"--epochs", "two"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--epochs")
                .hasMessageContaining("'two'");
        assertThatThrownBy(() -> LrFinder.run(new String[] {"--data", out.resolve("nope").toString()}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> Quickstart.run(new String[] {"--arch", "resnet19"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resnet19");
        assertThatThrownBy(() -> DjlDatasets.run(new String[] {"--bs"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bs needs a value");
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndRunsNothing() throws Exception {
        ExampleResult[] r = new ExampleResult[1];
        String printed = captured(() -> r[0] = Quickstart.run(new String[] {"--help"}));
        assertThat(r[0]).isNull();
        assertThat(printed.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList()).contains(
                "--size default 224", "--bs default 20", "--arch default resnet34",
                "--data default data/fashion-mnist-sample", "--limit default 0", "--pretrained default auto");
        ExampleArgs a = ExampleArgs.parse("x", new String[] {"--size=48", "--out", "o"}, "size", "224");
        assertThat(a.integer("size", 1)).isEqualTo(48);
        assertThat(a.out()).isEqualTo(Path.of("o"));
    }

    @Test
    void limitCopiesAtMostNImagesPerFolderAndRemovesTheCopy() throws Exception {
        Path copy;
        try (ExampleData d = ExampleData.of(SAMPLE, 3)) {
            copy = d.root();
            assertThat(d.images()).isEqualTo(3 * 10 * 2);
            try (Stream<Path> s = Files.list(copy.resolve("train/Bag"))) {
                assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                        .containsExactly("00023.png", "00035.png", "00057.png");
            }
        }
        assertThat(copy).doesNotExist();
        try (ExampleData d = ExampleData.of(SAMPLE, 0)) {
            assertThat(d.root()).isEqualTo(SAMPLE);
            assertThat(d.images()).isEqualTo(2500);
        }
    }
}
