package org.fastai4j.cli;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fastai4j.interpret.ClassificationInterpretation;
import org.fastai4j.interpret.report.CsvTable;
import org.fastai4j.interpret.report.ReportSection;
import org.fastai4j.interpret.report.RunReport;
import org.fastai4j.io.AtomicFiles;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.SuggestedLrs;
import org.fastai4j.plot.Figure;
import org.fastai4j.vision.ImageDataLoaders;

/** Writes a run folder: CSVs, plots, report.html and result.json (each file written atomically). */
final class RunOutputs {
    private final Path dir;
    private final PrintWriter out;
    private final RunReport.Builder report;

    RunOutputs(Path dir, PrintWriter out) {
        this.dir = dir;
        this.out = out;
        this.report = RunReport.builder(dir).optTitle("fastai4j run " + dir.getFileName());
    }

    void showBatch(ImageDataLoaders dls) throws IOException {
        save(ReportSection.BATCH, dls.showBatch(), "show_batch.png");
    }

    void lrFind(SuggestedLrs s) throws IOException {
        save(ReportSection.LR_FINDER, s.plot(), "lr_find.png");
    }

    private void save(ReportSection section, Figure figure, String name) throws IOException {
        figure.save(dir.resolve(name));
        report.addImage(section, name);
    }

    /** Writes everything after training; returns result.json's content. */
    Map<String, Object> writeAll(Learner learn, Map<String, Object> recipe, RunLog log, SuggestedLrs suggestions)
            throws IOException {
        List<String> columns = log.columns();
        List<List<String>> rows = new ArrayList<>();
        List<double[]> values = log.epochRows();
        List<Double> seconds = log.epochSeconds();
        for (int e = 0; e < values.size(); e++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(e));
            for (double v : values.get(e)) {
                row.add(String.format(Locale.ROOT, "%.6f", v));
            }
            row.add(e < seconds.size() ? String.format(Locale.ROOT, "%.1f", seconds.get(e)) : "");
            rows.add(row);
        }
        List<String> header = new ArrayList<>(columns);
        if (!header.isEmpty()) {
            header.set(header.size() - 1, "time_seconds");
        }
        writeText("history.csv", csv(header, rows));
        StringBuilder batches = new StringBuilder("iter,epoch,lr,mom,loss,smooth_loss\n");
        for (RunLog.BatchRow b : log.batchRows()) {
            batches.append(String.format(Locale.ROOT, "%d,%d,%.8g,%.8g,%.8g,%.8g%n",
                    b.iter(), b.epoch(), b.lr(), b.mom(), b.loss(), b.smoothLoss()));
        }
        writeText("recorder.csv", batches.toString());
        save(ReportSection.LOSSES, learn.recorder().plotLoss(), "losses.png");
        save(ReportSection.SCHEDULE, learn.recorder().plotSched(), "schedule.png");
        ClassificationInterpretation interp = ClassificationInterpretation.fromLearner(learn);
        save(ReportSection.CONFUSION_MATRIX, interp.plotConfusionMatrix(), "confusion_matrix.png");
        int k = Math.min(9, interp.size());
        save(ReportSection.TOP_LOSSES, interp.plotTopLosses(k, 3, 3), "top_losses.png");
        Path model = learn.export(dir.resolve("model"));
        report.addInfo("model", model.toString());
        report.optEpochTable(new CsvTable(header, rows));
        report.optClassificationReport(interp.classificationReport());
        recipe.forEach((key, v) -> report.addInfo(key, String.valueOf(v)));
        report.write();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recipe", recipe);
        result.put("vocab", learn.dls().vocab().map(v -> v.items()).orElse(List.of()));
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (!values.isEmpty()) {
            double[] last = values.get(values.size() - 1);
            for (int i = 0; i < last.length && i + 1 < columns.size(); i++) {
                metrics.put(columns.get(i + 1), last[i]);
            }
        }
        result.put("metrics", metrics);
        result.put("epoch_seconds", seconds);
        result.put("train_images_per_second", log.trainImagesPerSecond());
        if (suggestions != null) {
            result.put("suggestions", Map.of("valley", suggestions.valley(), "slide", suggestions.slide(),
                    "minimum", suggestions.minimum(), "steep", suggestions.steep()));
        }
        result.put("files", List.of("history.csv", "recorder.csv", "show_batch.png", "losses.png", "schedule.png",
                "confusion_matrix.png", "top_losses.png", "report.html", "model/"));
        writeText("result.json", json(result));
        out.println();
        out.println("Most confused (actual → predicted: count): " + String.join(", ", interp.mostConfused(1).stream()
                .limit(5).map(c -> c.actual() + " → " + c.predicted() + ": " + c.count()).toList()));
        out.println("Run folder: " + dir);
        out.println("  report:  " + dir.resolve(RunReport.FILE_NAME));
        out.println("  history: " + dir.resolve("history.csv") + ", per batch: " + dir.resolve("recorder.csv"));
        out.println("  model:   " + model + "  (fastai4j predict " + model + " IMAGE...)");
        out.flush();
        return result;
    }

    static String json(Object value) {
        return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().serializeNulls()
                .create().toJson(value) + "\n";
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        rows.forEach(r -> sb.append(String.join(",", r)).append('\n'));
        return sb.toString();
    }

    void writeText(String name, String text) throws IOException {
        AtomicFiles.write(dir.resolve(name), ch -> ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }
}
