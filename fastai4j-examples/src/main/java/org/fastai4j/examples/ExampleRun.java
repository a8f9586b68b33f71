package org.fastai4j.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Recorder;
import org.fastai4j.plot.Figure;

/**
 * The bookkeeping every example shares: printing what it does (prefixed with its name), saving
 * figures and files into its output folder, and collecting the {@link ExampleResult}.
 */
final class ExampleRun {
    private final String name;
    private final Path out;
    private final PrintStream stdout;
    private final List<Path> files = new ArrayList<>();
    private final Map<String, Double> numbers = new LinkedHashMap<>();

    ExampleRun(String name, Path out) throws IOException {
        this.name = name;
        this.out = out;
        this.stdout = System.out;
        Files.createDirectories(out);
    }

    /** Prints one line, prefixed with the example's name. */
    void say(String format, Object... args) {
        stdout.println("[" + name + "] " + String.format(Locale.ROOT, format, args));
    }

    /** Saves {@code figure} as {@code out/fileName} (atomically) and says so. */
    Path save(Figure figure, String fileName) throws IOException {
        Path p = figure.save(out.resolve(fileName));
        files.add(p);
        say("saved %s (%dx%d)", p, figure.toImage().getWidth(), figure.toImage().getHeight());
        return p;
    }

    /** Writes the learner's epoch table as {@code out/fileName} and says so. */
    Path saveHistory(Learner learn, String fileName) throws IOException {
        Path p = learn.recorder().writeHistory(out.resolve(fileName));
        files.add(p);
        say("saved %s", p);
        return p;
    }

    /** Records a named number and prints it. */
    void number(String key, double value) {
        numbers.put(key, value);
        say("%s = %s", key, format(value));
    }

    /**
     * The value of metric column {@code metric} in the learner's last epoch (fastai's {@code
     * learn.recorder.values[-1]}), recorded and printed.
     */
    double lastMetric(Learner learn, String metric) {
        Recorder r = learn.recorder();
        List<double[]> values = r.values();
        if (values.isEmpty()) {
            throw new IllegalStateException("The learner has no epoch recorded");
        }
        // metricNames: epoch, train_loss, valid_loss, metrics..., time; a values row starts at train_loss
        int col = r.metricNames().indexOf(metric) - 1;
        if (col < 0) {
            throw new IllegalStateException("No metric column '" + metric + "' in " + r.metricNames());
        }
        double v = values.get(values.size() - 1)[col];
        number(metric, v);
        return v;
    }

    ExampleResult result(String metric) {
        Double v = numbers.get(metric);
        if (v == null) {
            throw new IllegalStateException("No value recorded for " + metric);
        }
        return new ExampleResult(name, metric, v, numbers, files);
    }

    static String format(double v) {
        return Math.abs(v) < 1e-2 && v != 0 ? String.format(Locale.ROOT, "%.3e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
