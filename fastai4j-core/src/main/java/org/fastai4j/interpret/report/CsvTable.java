package org.fastai4j.interpret.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV reader for the epoch table ({@code history.csv}): comma-separated, double quotes
 * around fields that contain commas or quotes ({@code ""} inside is one quote), first line the
 * header.
 *
 * @param header the column names
 * @param rows the data rows, each as long as the header
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    /**
     * Copies the lists.
     *
     * @param header the column names
     * @param rows the data rows, each as long as the header
     */
    public CsvTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /**
     * Reads a CSV file such as the {@code history.csv} that {@code CsvLogger} writes. Blank lines
     * are skipped; a quoted field cannot span lines.
     *
     * @param file the CSV file, UTF-8, header first
     * @return the header and the data rows, as text
     * @throws IOException if the file cannot be read or is not UTF-8, is empty, or a row is
     *     malformed or has a different field count than the header (the message names the file and
     *     the line's number in the file, blank lines counted)
     */
    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue; // skipped, but counted: messages give the line number in the file
            }
            int lineNo = i + 1;
            List<String> row = parse(lines.get(i), file, lineNo);
            if (header == null) {
                header = row;
            } else if (row.size() != header.size()) {
                throw new IOException(file + " line " + lineNo + ": " + row.size() + " fields, expected "
                        + header.size() + " as in the header");
            } else {
                rows.add(row);
            }
        }
        if (header == null) {
            throw new IOException(file + ": empty CSV, expected a header line");
        }
        return new CsvTable(header, rows);
    }

    static List<String> parse(String line, Path file, int lineNo) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString().trim());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new IOException(file + " line " + lineNo + ": unterminated quote");
        }
        out.add(f.toString().trim());
        return out;
    }
}
