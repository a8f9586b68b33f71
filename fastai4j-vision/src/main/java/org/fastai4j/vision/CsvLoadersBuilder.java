package org.fastai4j.vision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.fastai4j.data.CategoryBlock;
import org.fastai4j.data.Csv;
import org.fastai4j.data.DataBlock;
import org.fastai4j.data.Labellers;
import org.fastai4j.data.MultiCategoryBlock;
import org.fastai4j.data.Splitters;
import org.fastai4j.vision.image.ImageBlock;

/**
 * {@code ImageDataLoaders.fromCsv(path, csvFname)}, fastai's {@code from_csv}/{@code from_df}: one
 * row per image; the file name column (default the first) joined to {@code path/folder} with
 * {@code suffix}; the label column (default the second), split by {@code labelDelim} for
 * multi-label targets ({@code MultiCategoryBlock}); validation rows from {@code validCol} (e.g.
 * {@code is_valid}) or a random split.
 */
public final class CsvLoadersBuilder extends ImageLoadersBuilder<CsvLoadersBuilder> {
    private final Path path;
    private final Path csv;
    private String folder = "";
    private String suffix = "";
    private String fnCol;
    private String labelCol;
    private String labelDelim;
    private String validCol;

    CsvLoadersBuilder(Path path, String csvFname) {
        this.path = Objects.requireNonNull(path, "path");
        this.csv = path.resolve(Objects.requireNonNull(csvFname, "csvFname"));
    }

    @Override
    CsvLoadersBuilder self() {
        return this;
    }

    /**
     * The folder of the images under {@code path} (default none).
     *
     * @param folder the folder, relative to the dataset path
     * @return this builder
     */
    public CsvLoadersBuilder optFolder(String folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /**
     * A suffix added to every file name (e.g. {@code .jpg}).
     *
     * @param suffix the suffix added to every file name
     * @return this builder
     */
    public CsvLoadersBuilder optSuffix(String suffix) {
        this.suffix = Objects.requireNonNull(suffix, "suffix");
        return this;
    }

    /**
     * The file name column (default the first column).
     *
     * @param fnCol the header name of the file name column
     * @return this builder
     */
    public CsvLoadersBuilder optFnCol(String fnCol) {
        this.fnCol = fnCol;
        return this;
    }

    /**
     * The label column (default the second column).
     *
     * @param labelCol the header name of the label column
     * @return this builder
     */
    public CsvLoadersBuilder optLabelCol(String labelCol) {
        this.labelCol = labelCol;
        return this;
    }

    /**
     * The delimiter between labels of a multi-label row (makes the target multi-category).
     *
     * @param labelDelim the delimiter between labels
     * @return this builder
     */
    public CsvLoadersBuilder optLabelDelim(String labelDelim) {
        this.labelDelim = labelDelim;
        return this;
    }

    /**
     * The column marking validation rows (e.g. {@code is_valid}); else a random split.
     *
     * @param validCol the header name of the validation column
     * @return this builder
     */
    public CsvLoadersBuilder optValidCol(String validCol) {
        this.validCol = validCol;
        return this;
    }

    private List<Map<String, String>> rows() {
        try {
            return Csv.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv.toAbsolutePath(), e);
        }
    }

    private static String column(List<String> header, String given, int index, String what) {
        if (given != null) {
            if (!header.contains(given)) {
                throw new IllegalArgumentException("No " + what + " column '" + given
                        + "' in the CSV; columns: " + header);
            }
            return given;
        }
        if (header.size() <= index) {
            throw new IllegalArgumentException("The CSV has no column " + index + " for the "
                    + what + "; columns: " + header);
        }
        return header.get(index);
    }

    /**
     * {@return the DataBlock this builder uses over the rows of the CSV file}
     *
     * @param rows the CSV's rows as column name → cell maps, in file order (as {@link Csv#read(Path)}
     *     returns them); the first row's keys are taken as the header
     * @throws IllegalArgumentException if there are no rows or a named column (file name, label,
     *     validation) is not in the header
     */
    public DataBlock dataBlock(List<Map<String, String>> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The CSV " + csv.toAbsolutePath() + " has no rows");
        }
        List<String> header = new ArrayList<>(rows.get(0).keySet());
        String fn = column(header, fnCol, 0, "file name");
        String label = column(header, labelCol, 1, "label");
        if (validCol != null && !header.contains(validCol)) {
            throw new IllegalArgumentException("No validation column '" + validCol
                    + "' in the CSV; columns: " + header);
        }
        Path dir = folder.isEmpty() ? path : path.resolve(folder);
        Function<Object, Object> getX = row -> dir.resolve(((Map<?, ?>) row).get(fn) + suffix);
        DataBlock.Builder b = DataBlock.builder()
                .setBlocks(ImageBlock.create(),
                        labelDelim == null ? CategoryBlock.create() : MultiCategoryBlock.create())
                .setGetItems(source -> rows).optGetX(getX)
                .setGetY(labelDelim == null ? Labellers.column(label)
                        : Labellers.column(label, labelDelim))
                .optSplitter(validCol == null ? randomSplitter() : Splitters.column(validCol));
        return withTfms(b).build();
    }

    @Override
    public ImageDataLoaders build() {
        List<Map<String, String>> rows = rows();
        return new ImageDataLoaders(dataBlock(rows).dataloaders(rows, options()));
    }
}
