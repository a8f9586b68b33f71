package org.fastai4j.learner;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/** The Recorder's CSV files, written to a temp file then renamed (fastai's {@code CSVLogger} rows). */
final class RecorderCsv {
    private RecorderCsv() {}

    static Path writeHistory(Recorder r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", r.metricNames())).append('\n');
        List<double[]> values = r.values();
        List<String> times = r.times();
        for (int e = 0; e < values.size(); e++) {
            sb.append(e);
            for (double v : values.get(e)) {
                sb.append(',').append(pyFloat(v));
            }
            sb.append(',').append(times.get(e)).append('\n');
        }
        return write(file, sb.toString());
    }

    static Path writeBatches(Recorder r, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("iter,epoch,lr,mom,loss,smooth_loss\n");
        double[] lrs = r.lrs();
        double[] moms = r.moms();
        double[] raw = r.rawLosses();
        double[] smooth = r.losses();
        int[] epochs = r.batchEpochs();
        for (int i = 0; i < lrs.length; i++) {
            sb.append(i).append(',').append(epochs[i]).append(',').append(pyFloat(lrs[i])).append(',')
                    .append(pyFloat(moms[i])).append(',').append(pyFloat(raw[i])).append(',')
                    .append(pyFloat(smooth[i])).append('\n');
        }
        return write(file, sb.toString());
    }

    /** Python's {@code str(float)} for the usual range: plain digits, shortest round-trip. */
    static String pyFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = Double.toString(v);
        double a = Math.abs(v);
        if (s.contains("E") && (a == 0 || (a >= 1e-4 && a < 1e16))) {
            s = new BigDecimal(s).toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
        if (s.contains("E")) {
            String[] parts = s.split("E");
            String mant = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            int exp = Integer.parseInt(parts[1]);
            return mant + String.format(Locale.ROOT, "e%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
        }
        return s;
    }

    static Path write(Path file, String text) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, abs.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return abs;
    }
}
