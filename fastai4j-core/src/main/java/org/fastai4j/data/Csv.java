package org.fastai4j.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 CSV reader: a header row, then rows as column-name → cell maps. */
public final class Csv {
    private Csv() {}

    /**
     * Reads {@code file} (UTF-8; quoted cells may hold commas, quotes doubled, newlines). A leading
     * byte-order mark is skipped, CRLF and LF line ends are accepted, blank lines are skipped.
     *
     * @param file the CSV file; its first row is the header
     * @param delimiter the cell separator, e.g. {@code ','} or {@code ';'} or {@code '\t'}
     * @return one unmodifiable map per data row, from header name to cell text (unquoted), in
     *     column order; empty if the file has only a header
     * @throws IOException when the file cannot be read or is not UTF-8, is empty, or a row has the
     *     wrong number of cells
     */
    public static List<Map<String, String>> read(Path file, char delimiter) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<List<String>> rows = parse(text, delimiter);
        if (rows.isEmpty()) {
            throw new IOException("CSV file " + file + " is empty (no header row)");
        }
        List<String> header = rows.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            if (row.size() != header.size()) {
                throw new IOException("CSV file " + file + " row " + (r + 1) + " has " + row.size()
                        + " cells, the header has " + header.size());
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                m.put(header.get(c), row.get(c));
            }
            out.add(Collections.unmodifiableMap(m));
        }
        return out;
    }

    /**
     * {@link #read(Path, char)} with a comma.
     *
     * @param file the CSV file; its first row is the header
     * @return one unmodifiable map per data row, from header name to cell text
     * @throws IOException when the file cannot be read or is not UTF-8, is empty, or a row has the
     *     wrong number of cells
     */
    public static List<Map<String, String>> read(Path file) throws IOException {
        return read(file, ',');
    }

    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
