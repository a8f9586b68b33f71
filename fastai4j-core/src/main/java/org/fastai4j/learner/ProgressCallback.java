package org.fastai4j.learner;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * fastai's {@code ProgressCallback} (a default callback, order 60): prints the epoch table
 * ({@link EpochTable}) to standard output, and, when standard error is a terminal, a live
 * progress line for the batches of the current phase. Remove it (or build with
 * {@code optSilent(true)}) for silent runs. Nothing is printed in validation context.
 */
public final class ProgressCallback implements Callback {
    private final PrintStream out;
    private final PrintStream bar;
    private EpochTable table;
    private Consumer<List<Object>> oldLogger;
    private long phaseStart;
    private int lastWidth;

    /** Table to {@code System.out}; bar to {@code System.err} when a console is attached. */
    public ProgressCallback() {
        this(System.out, System.console() != null ? System.err : null);
    }

    /**
     * Prints to the given streams (tests and tools capture the output this way).
     *
     * @param out where the epoch table goes, one line per epoch
     * @param bar where the live progress line goes (rewritten in place with carriage returns), or
     *     null for no progress line
     */
    public ProgressCallback(PrintStream out, PrintStream bar) {
        this.out = out;
        this.bar = bar;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void beforeFit(Learner learn) {
        oldLogger = null;
        if (!learn.loggingEnabled()) {
            return;
        }
        Recorder rec = learn.recorder();
        if (rec == null) {
            return;
        }
        table = new EpochTable(rec.metricNames());
        oldLogger = learn.logger();
        learn.setLogger(row -> out.println(table.row(row)));
        out.println(table.header());
    }

    @Override
    public void beforeTrain(Learner learn) {
        phaseStart = System.nanoTime();
    }

    @Override
    public void beforeValidate(Learner learn) {
        phaseStart = System.nanoTime();
    }

    @Override
    public void afterBatch(Learner learn) {
        if (bar == null || learn.nIter() == 0) {
            return;
        }
        int done = learn.iter() + 1;
        int total = learn.nIter();
        double elapsed = (System.nanoTime() - phaseStart) / 1e9;
        double remaining = elapsed / done * (total - done);
        int width = 30;
        int filled = width * done / total;
        String text = String.format(Locale.ROOT, "\rEpoch %d/%d : |%s%s| %.2f%% [%d/%d %s<%s%s]",
                learn.epoch() + 1, learn.nEpoch(), "█".repeat(filled), "-".repeat(width - filled),
                100.0 * done / total, done, total, FormatTime.format(elapsed), FormatTime.format(remaining),
                learn.training() ? String.format(Locale.ROOT, " %.4f", learn.smoothLoss()) : "");
        lastWidth = Math.max(lastWidth, text.length());
        bar.print(text);
        bar.flush();
    }

    @Override
    public void afterTrain(Learner learn) {
        clearBar();
    }

    @Override
    public void afterValidate(Learner learn) {
        clearBar();
    }

    @Override
    public void afterFit(Learner learn) {
        if (oldLogger != null) {
            learn.setLogger(oldLogger);
            oldLogger = null;
        }
    }

    private void clearBar() {
        if (bar != null && lastWidth > 0) {
            bar.print("\r" + " ".repeat(lastWidth) + "\r");
            bar.flush();
            lastWidth = 0;
        }
    }
}
