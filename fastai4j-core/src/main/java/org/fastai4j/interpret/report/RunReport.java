package org.fastai4j.interpret.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fastai4j.interpret.ClassificationReport;
import org.fastai4j.plot.Figure;

/**
 * Writes {@code report.html} into a run folder: the epoch table, loss curves, the lr/mom schedule,
 * a training batch, the confusion matrix, top losses, the classification report and the
 * learning-rate finder curve, each section present when its input was given. Images are PNGs in
 * the run folder referenced by relative paths; the page is plain HTML and CSS with no external
 * resources (a small inline script marks, after load, which images decoded, for checks).
 *
 * <pre>{@code
 * Path page = RunReport.builder(runDir)
 *         .optEpochTable(CsvTable.read(runDir.resolve("history.csv")))
 *         .addFigure(ReportSection.LOSSES, recorder.plotLoss())   // saved as losses.png
 *         .addImage(ReportSection.BATCH, "batch.png")              // already in runDir
 *         .optClassificationReport(interp.classificationReport())
 *         .write();
 * }</pre>
 */
public final class RunReport {
    /** The file name written into the run folder. */
    public static final String FILE_NAME = "report.html";

    private RunReport() {
    }

    /**
     * {@return a builder writing into {@code runDir}}
     *
     * @param runDir the run folder
     */
    public static Builder builder(Path runDir) {
        return new Builder(runDir);
    }

    /** Collects the report's inputs; see {@link RunReport}. */
    public static final class Builder {
        private final Path dir;
        private String title = "fastai4j run report";
        private final Map<String, String> info = new LinkedHashMap<>();
        private CsvTable epochs;
        private final Map<ReportSection, String> images = new EnumMap<>(ReportSection.class);
        private ClassificationReport classification;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "runDir").toAbsolutePath().normalize();
        }

        /**
         * The page title (default "fastai4j run report").
         *
         * @param title the page title, shown as the heading and the HTML title
         * @return this builder
         */
        public Builder optTitle(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * A line of the run summary at the top (e.g. "model" → "resnet18").
         *
         * @param key the label of the line, e.g. "model"
         * @param value the text shown for it, e.g. "resnet18" (null shows "null")
         * @return this builder
         */
        public Builder addInfo(String key, String value) {
            info.put(Objects.requireNonNull(key, "key"), String.valueOf(value));
            return this;
        }

        /**
         * The epoch table (e.g. read from {@code history.csv} with {@link CsvTable#read}).
         *
         * @param table the per-epoch table: a header row then one row per epoch
         * @return this builder
         */
        public Builder optEpochTable(CsvTable table) {
            this.epochs = Objects.requireNonNull(table, "table");
            return this;
        }

        /**
         * The epoch table from a header and rows of cell texts.
         *
         * @param header the column names
         * @param rows the cells of each row
         * @return this builder
         */
        public Builder optEpochTable(List<String> header, List<List<String>> rows) {
            return optEpochTable(new CsvTable(header, rows));
        }

        /**
         * An image section showing the PNG at {@code relativePath} (relative to the run folder,
         * inside it); the file must exist when {@link #write} runs.
         *
         * @param section which section the image belongs to
         * @param relativePath the PNG's path, relative to the run folder
         * @return this builder
         */
        public Builder addImage(ReportSection section, String relativePath) {
            if (!section.isImage()) {
                throw new IllegalArgumentException("Section " + section + " is not an image section");
            }
            Path p = Path.of(relativePath);
            if (p.isAbsolute() || !dir.resolve(p).normalize().startsWith(dir)) {
                throw new IllegalArgumentException("Image path '" + relativePath + "' for " + section
                        + " must be relative and inside the run folder " + dir);
            }
            images.put(section, p.toString().replace('\\', '/'));
            return this;
        }

        /**
         * Saves {@code figure} into the run folder under the section's default file name and shows it.
         *
         * @param section which section the image belongs to
         * @param figure the figure to save
         * @return this builder
         * @throws IOException if the PNG cannot be written
         */
        public Builder addFigure(ReportSection section, Figure figure) throws IOException {
            if (!section.isImage()) {
                throw new IllegalArgumentException("Section " + section + " is not an image section");
            }
            figure.save(dir.resolve(section.fileName()));
            return addImage(section, section.fileName());
        }

        /**
         * The classification report section.
         *
         * @param report the per-class precision, recall, F1 and support
         * @return this builder
         */
        public Builder optClassificationReport(ClassificationReport report) {
            this.classification = Objects.requireNonNull(report, "report");
            return this;
        }

        /**
         * Writes {@code report.html} (to a temporary file, then renamed) and returns its path.
         *
         * @throws NoSuchFileException if a referenced image is missing from the run folder
         * @return the path of the written file
         * @throws IOException if the file cannot be written
         */
        public Path write() throws IOException {
            for (Map.Entry<ReportSection, String> e : images.entrySet()) {
                if (!Files.isRegularFile(dir.resolve(e.getValue()))) {
                    throw new NoSuchFileException(dir.resolve(e.getValue()).toString(), null,
                            "image for report section " + e.getKey() + " not found");
                }
            }
            String html = new ReportHtml(title, info, epochs, images, classification).render();
            Files.createDirectories(dir);
            Path target = dir.resolve(FILE_NAME);
            Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                Files.writeString(tmp, html, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        }
    }
}
