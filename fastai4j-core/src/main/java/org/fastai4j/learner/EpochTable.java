package org.fastai4j.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * fastprogress's console table ({@code ConsoleMasterBar.write(line, table=True)}): names shorter
 * than 8 characters are padded to 8 and joined by two spaces; each value is printed in its
 * column ({@code value + ' ' * (2 + len(name) - len(value))}); floats with 6 decimals.
 */
public final class EpochTable {
    private final List<String> names;

    /**
     * A table with these column names.
     *
     * @param columns the column names in order, e.g. epoch, train_loss, valid_loss, accuracy, time
     *     (the {@link Recorder}'s {@code metricNames})
     */
    public EpochTable(List<String> columns) {
        List<String> padded = new ArrayList<>();
        for (String n : columns) {
            padded.add(n.length() < 8 ? n + " ".repeat(8 - n.length()) : n);
        }
        this.names = List.copyOf(padded);
    }

    /** {@return the header line} */
    public String header() {
        return String.join("  ", names);
    }

    /**
     * One row, aligned under the header: floating-point values with 6 decimals (NaN as
     * {@code nan}), anything else as text.
     *
     * @param values the cells, one per column; values beyond the last column are ignored
     * @return the row as printed, without a line separator
     */
    public String row(List<?> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(values.size(), names.size()); i++) {
            String t = cell(values.get(i));
            sb.append(t).append(" ".repeat(Math.max(0, 2 + names.get(i).length() - t.length())));
        }
        return sb.toString();
    }

    static String cell(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isNaN(d) ? "nan" : String.format(Locale.ROOT, "%.6f", d);
        }
        return String.valueOf(v);
    }
}
