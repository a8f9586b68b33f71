package org.fastai4j.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** fastai's labellers ({@code get_y} functions): parent folder, regex on the name, table column. */
public final class Labellers {
    private Labellers() {}

    /**
     * fastai's {@code parent_label}: the name of the folder holding the file.
     *
     * @return the label getter
     */
    public static Function<Object, Object> parentLabel() {
        return item -> {
            Path p = asPath(item);
            Path parent = p.getParent();
            if (parent == null || parent.getFileName() == null) {
                throw new IllegalArgumentException("File " + p + " has no parent folder to label it");
            }
            return parent.getFileName().toString();
        };
    }

    /**
     * fastai's {@code RegexLabeller(pat)} on the file name ({@code using_attr(..., 'name')}): the
     * first group of the first match ({@code re.search}); no match is an error naming the file.
     *
     * @param pattern a regex whose first group is the label
     * @return the label getter
     */
    public static Function<Object, Object> regex(String pattern) {
        Pattern p = Pattern.compile(pattern);
        if (p.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("The label pattern '" + pattern + "' needs a group");
        }
        return item -> {
            Path path = asPath(item);
            String name = path.getFileName().toString();
            Matcher m = p.matcher(name);
            if (!m.find()) {
                throw new IllegalArgumentException(
                        "Pattern '" + pattern + "' does not match the name of " + path);
            }
            return m.group(1);
        };
    }

    /**
     * fastai's {@code ColReader(col)}: the value of column {@code col} of a table row.
     *
     * @param col the column name
     * @return the label getter
     */
    public static Function<Object, Object> column(String col) {
        return item -> cell(item, col);
    }

    /**
     * {@code ColReader(col, label_delim=delimiter)}: the cell split into a list of labels.
     *
     * @param col the column name
     * @param delimiter the separator between labels in the cell
     * @return the label getter
     */
    public static Function<Object, Object> column(String col, String delimiter) {
        return item -> {
            String cell = String.valueOf(cell(item, col)).trim();
            if (cell.isEmpty()) {
                return List.of();
            }
            return Arrays.stream(cell.split(Pattern.quote(delimiter)))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
        };
    }

    static Object cell(Object item, String col) {
        if (!(item instanceof Map<?, ?> row)) {
            throw new IllegalArgumentException("Column '" + col + "' needs table rows, got " + item);
        }
        if (!row.containsKey(col)) {
            throw new IllegalArgumentException(
                    "Row " + row + " has no column '" + col + "'; columns: " + row.keySet());
        }
        return row.get(col);
    }

    static Path asPath(Object item) {
        if (item instanceof Path p) {
            return p;
        }
        throw new IllegalArgumentException("Expected a file path, got " + item);
    }
}
