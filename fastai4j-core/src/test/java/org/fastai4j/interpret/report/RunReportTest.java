package org.fastai4j.interpret.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fastai4j.interpret.ClassificationReport;
import org.fastai4j.plot.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
    private static final int[][] CM = {{2, 1, 1}, {1, 2, 0}, {0, 2, 1}};

    private static Figure figure(int w, int h) {
        return new Figure(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "test");
    }

    /** A report with every section; images of distinct sizes. */
    private static RunReport.Builder full(Path dir) throws Exception {
        Files.writeString(dir.resolve("history.csv"), """
                epoch,train_loss,valid_loss,accuracy,time
                0,1.234567,0.987654,0.654321,00:12
                1,0.876543,0.765432,"0,75",00:11
                """);
        RunReport.Builder b = RunReport.builder(dir).optTitle("Run <1>")
                .addInfo("model", "resnet18")
                .optEpochTable(CsvTable.read(dir.resolve("history.csv")))
                .optClassificationReport(ClassificationReport.of(CM, List.of("cat", "dog", "eel")));
        int k = 0;
        for (ReportSection s : ReportSection.values()) {
            if (s.isImage()) {
                b.addFigure(s, figure(100 + k, 50 + k));
                k++;
            }
        }
        return b;
    }

    @Test
    void writesEverySectionAndReferencesImagesRelatively(@TempDir Path dir) throws Exception {
        Path page = full(dir).write();
        assertThat(page).isEqualTo(dir.toAbsolutePath().resolve("report.html"));
        String html = Files.readString(page, StandardCharsets.UTF_8);
        for (ReportSection s : ReportSection.values()) {
            assertThat(html).contains("<section id=\"" + s.id() + "\">");
            if (s.isImage()) {
                assertThat(html).contains("<img src=\"" + s.fileName() + "\"");
                assertThat(dir.resolve(s.fileName())).isRegularFile();
            }
        }
        assertThat(html).contains("<td>0.876543</td>").contains("<td>0,75</td>").contains("Run &lt;1&gt;");
        // classification report row for cat: P 2/3, R 1/2, F1 4/7, support 4
        assertThat(html).contains("<td>cat</td><td>0.67</td><td>0.50</td><td>0.57</td><td>4</td>");
        assertThat(html).doesNotContain("http://").doesNotContain("https://");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void absentInputsLeaveTheirSectionOut(@TempDir Path dir) throws Exception {
        String html = Files.readString(RunReport.builder(dir).optEpochTable(List.of("epoch"), List.of(List.of("0")))
                .write());
        assertThat(html).contains("id=\"epochs\"").doesNotContain("id=\"lr-finder\"").doesNotContain("<img");
    }

    @Test
    void rejectsMissingOrEscapingImages(@TempDir Path dir) {
        assertThatThrownBy(() -> RunReport.builder(dir).addImage(ReportSection.LOSSES, "../x.png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the run folder");
        assertThatThrownBy(() -> RunReport.builder(dir).addImage(ReportSection.LOSSES, "nope.png").write())
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.png");
        assertThatThrownBy(() -> RunReport.builder(dir).addImage(ReportSection.EPOCHS, "a.png"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvReaderNamesTheBadLine(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("h.csv"), "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> CsvTable.read(csv)).hasMessageContaining("line 3").hasMessageContaining("1 fields");
    }

    @Test
    void headlessChromiumLoadsEverySectionAndImage(@TempDir Path dir) throws Exception {
        assumeTrue(HeadlessChromium.available(), "skipped: " + HeadlessChromium.BINARY
                + " not found (install Debian's chromium package to run the report rendering test)");
        Path runDir = Files.createDirectories(dir.resolve("run"));
        Path page = full(runDir).write();
        // a corrupt PNG must be reported as not loaded: the check can fail
        Files.writeString(runDir.resolve(ReportSection.LR_FINDER.fileName()), "not a png");
        String dom = HeadlessChromium.dumpDom(page, dir);
        for (ReportSection s : ReportSection.values()) {
            assertThat(dom).as("section %s", s).contains("id=\"" + s.id() + "\"");
        }
        List<String[]> imgs = images(dom);
        assertThat(imgs).hasSize(6);
        for (String[] img : imgs) {
            boolean corrupt = img[0].equals(ReportSection.LR_FINDER.fileName());
            assertThat(img[1]).as("image %s loaded", img[0]).isEqualTo(corrupt ? "false" : "true");
        }
        assertThat(dom).contains("data-images-loaded=\"5/6\"");
    }

    /** (src, data-loaded) of each img tag in the dumped DOM. */
    private static List<String[]> images(String dom) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<img\\b[^>]*>").matcher(dom);
        while (m.find()) {
            String tag = m.group();
            out.add(new String[] {attr(tag, "src"), attr(tag, "data-loaded")});
        }
        return out;
    }

    private static String attr(String tag, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }
}
