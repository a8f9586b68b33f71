package org.fastai4j.callback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code CSVLogger}: the epoch table, one line per epoch, in {@code learn.basePath()/fname}
 * (default {@code history.csv}): a header of the recorder's names ({@code epoch,train_loss,
 * valid_loss,<metrics>,time}) then the rows as logged. With {@code append} an existing file is
 * kept and a new header and rows follow it. The file is rewritten through a temporary file and a
 * rename after every epoch, so it is always whole.
 */
public final class CsvLogger implements Callback {

    private final String fname;
    private final boolean append;
    private Path file;
    private StringBuilder content;
    private Consumer<List<Object>> oldLogger;

    /** fastai's defaults: {@code history.csv}, overwritten. */
    public CsvLogger() {
        this("history.csv", false);
    }

    /**
     * @param fname the file name, relative to the learner's base path
     * @param append keep what the file holds and add to it
     */
    public CsvLogger(String fname, boolean append) {
        if (fname == null || fname.isBlank()) {
            throw new IllegalArgumentException("CsvLogger: fname must name a file, got " + fname);
        }
        this.fname = fname;
        this.append = append;
    }

    /** fastai's order 60 (after the Recorder). */
    @Override
    public int order() {
        return 60;
    }

    /** {@return the file written by the last fit, or null before one} */
    public Path file() {
        return file;
    }

    /**
     * Reads back the log of the last fit (fastai's {@code read_log}).
     *
     * @return the lines of the log file, header first, each split at commas into its cells
     * @throws IOException if the log file cannot be read
     * @throws IllegalStateException if no fit has run yet
     */
    public List<List<String>> readLog() throws IOException {
        if (file == null) {
            throw new IllegalStateException("CsvLogger: no fit has run yet, so there is no log to read");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    @Override
    public void beforeFit(Learner learn) {
        if (!learn.loggingEnabled()) {
            return;
        }
        file = learn.basePath().resolve(fname);
        content = new StringBuilder();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (append && Files.exists(file)) {
                content.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot prepare " + file, e);
        }
        content.append(String.join(",", learn.recorder().metricNames())).append('\n');
        write();
        oldLogger = learn.logger();
        learn.setLogger(row -> {
            writeLine(row);
            oldLogger.accept(row);
        });
    }

    private void writeLine(List<Object> row) {
        List<String> cells = new ArrayList<>();
        for (Object o : row) {
            cells.add(cell(o));
        }
        content.append(String.join(",", cells)).append('\n');
        write();
    }

    /** Python's {@code str} of a number where it differs from Java's: nan, inf, -inf. */
    static String cell(Object o) {
        if (o instanceof Double d) {
            if (d.isNaN()) {
                return "nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
        }
        return String.valueOf(o);
    }

    private void write() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot write " + file, e);
        }
    }

    @Override
    public void afterFit(Learner learn) {
        if (oldLogger != null) {
            learn.setLogger(oldLogger);
            oldLogger = null;
        }
    }
}
