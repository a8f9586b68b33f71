package org.fastai4j.vision;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Items;
import org.fastai4j.data.Labellers;
import org.fastai4j.data.MultiCategoryBlock;
import org.fastai4j.plot.Figure;
import org.fastai4j.vision.image.ImageDecoder;

/**
 * fastai's {@code ImageDataLoaders}: {@link DataLoaders} of images, built by thin constructors over
 * a public {@code DataBlock} ({@code fromFolder}, {@code fromNameFunc}, {@code fromPathFunc},
 * {@code fromNameRe}, {@code fromCsv}, {@code fromLists}; each builder's {@code dataBlock()} shows
 * the block it uses), plus {@link #showBatch} and {@link #verifyImages}.
 */
public class ImageDataLoaders extends DataLoaders {

    /**
     * Wraps built loaders.
     *
     * @param dls the training and validation loaders
     */
    public ImageDataLoaders(DataLoaders dls) {
        super(dls.train(), dls.valid());
    }

    /**
     * Images in class folders: {@code path/train/<label>/*}, {@code path/valid/<label>/*}
     * (fastai's {@code from_folder}); with {@code optValidPct}, every image under {@code path}
     * ({@code path/<label>/*}) split at random.
     *
     * @param path the dataset folder; the label of an image is the name of its parent folder
     * @return the builder; nothing is read before {@link FolderLoadersBuilder#build()}
     */
    public static FolderLoadersBuilder fromFolder(Path path) {
        return new FolderLoadersBuilder(path);
    }

    /**
     * Labels from a function of the file name (fastai's {@code from_name_func}).
     *
     * @param path the dataset folder; file names are relative to it
     * @param fnames the image files, relative to {@code path} or absolute
     * @param labelFunc gives the label of a file
     * @return the builder
     */
    public static ItemsLoadersBuilder fromNameFunc(Path path, List<Path> fnames,
            Function<String, ?> labelFunc) {
        return fromPathFunc(path, fnames, p -> labelFunc.apply(p.getFileName().toString()));
    }

    /**
     * Labels from a function of the path (fastai's {@code from_path_func}).
     *
     * @param path the dataset folder; file names are relative to it
     * @param fnames the image files, relative to {@code path} or absolute
     * @param labelFunc gives the label of a file
     * @return the builder
     */
    public static ItemsLoadersBuilder fromPathFunc(Path path, List<Path> fnames,
            Function<Path, ?> labelFunc) {
        return new ItemsLoadersBuilder(resolve(path, fnames), Function.identity(),
                item -> labelFunc.apply((Path) item), null);
    }

    /**
     * Labels from the first group of a regex on the file name (fastai's {@code from_name_re}).
     *
     * @param path the dataset folder; file names are relative to it
     * @param fnames the image files, relative to {@code path} or absolute
     * @param pattern a Java regex with at least one group, searched in the file name (not the
     *     folders; as Python's {@code re.search}), e.g. {@code "^(.+)_\\d+\\.jpg$"} for
     *     {@code great_pyrenees_173.jpg}; its first group is the label
     * @throws java.util.regex.PatternSyntaxException if {@code pattern} is not a valid regex
     * @throws IllegalArgumentException if {@code pattern} has no group
     * @return the builder
     */
    public static ItemsLoadersBuilder fromNameRe(Path path, List<Path> fnames, String pattern) {
        Pattern.compile(pattern);
        return new ItemsLoadersBuilder(resolve(path, fnames), Function.identity(),
                Labellers.regex(pattern), null);
    }

    /**
     * Files and labels given as two lists (fastai's {@code from_lists}); a label that is a list of
     * more than one name makes the target multi-category, as fastai.
     *
     * @param path the dataset folder; file names are relative to it
     * @param fnames the image files, relative to {@code path} or absolute
     * @param labels the label of each file, in order
     * @return the builder
     */
    public static ItemsLoadersBuilder fromLists(Path path, List<Path> fnames, List<?> labels) {
        if (fnames.size() != labels.size()) {
            throw new IllegalArgumentException("fromLists needs as many labels as files, got "
                    + fnames.size() + " files and " + labels.size() + " labels");
        }
        List<Path> files = resolve(path, fnames);
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            pairs.add(new Object[] {files.get(i), labels.get(i)});
        }
        boolean multi = !labels.isEmpty() && labels.get(0) instanceof List<?> l && l.size() > 1;
        return new ItemsLoadersBuilder(pairs, o -> ((Object[]) o)[0], o -> ((Object[]) o)[1],
                multi ? MultiCategoryBlock.create() : null);
    }

    /**
     * One image per CSV row (fastai's {@code from_csv}).
     *
     * @param path the dataset folder; file names are relative to it
     * @param csvFname the CSV file name, relative to {@code path}
     * @return the builder
     */
    public static CsvLoadersBuilder fromCsv(Path path, String csvFname) {
        return new CsvLoadersBuilder(path, csvFname);
    }

    /**
     * {@link #fromCsv(Path, String)} with fastai's default file {@code labels.csv}.
     *
     * @param path the dataset folder; file names are relative to it
     * @return the builder
     */
    public static CsvLoadersBuilder fromCsv(Path path) {
        return fromCsv(path, "labels.csv");
    }

    /**
     * {@return the image files under {@code path} that cannot be decoded, with why (fastai's {@code verify_images})}
     *
     * @param path the folder searched recursively for image files (by extension)
     */
    public static List<String> verifyImages(Path path) {
        return verifyImages(Items.getImageFiles(path));
    }

    /**
     * {@return the files of {@code files} that cannot be decoded, each with the reason}
     *
     * @param files the image files to check
     */
    public static List<String> verifyImages(List<Path> files) {
        ImageDecoder decoder = ImageDecoder.standard();
        return files.parallelStream().map(decoder::check).flatMap(Optional::stream).toList();
    }

    private static List<Path> resolve(Path path, List<Path> fnames) {
        return fnames.stream().map(path::resolve).toList();
    }

    /**
     * New image loaders with {@code tfm} added to both loaders' batch transforms.
     *
     * @param tfm the batch transform to add
     * @return the new loaders
     */
    @Override
    public ImageDataLoaders withBatchTransform(org.fastai4j.data.BatchTransform tfm) {
        return new ImageDataLoaders(super.withBatchTransform(tfm));
    }

    /**
     * {@link #showBatch(int, int, int)} with fastai's defaults: up to 9 images, fastai's grid.
     *
     * @return the figure
     */
    public Figure showBatch() {
        return showBatch(9, 0, 0);
    }

    /**
     * A grid of the first training batch as the model sees it (augmented, then de-normalised),
     * each image titled with its label; {@code nrows}/{@code ncols} 0 mean fastai's {@code
     * get_grid} default ({@code nrows = floor(sqrt(n))}, {@code ncols = ceil(n / nrows)}).
     *
     * @param maxN the largest number of images shown
     * @param nrows the rows of the grid, or 0 for fastai's
     * @param ncols the columns of the grid, or 0 for fastai's
     * @return the figure
     */
    public Figure showBatch(int maxN, int nrows, int ncols) {
        return ShowBatch.render(this, maxN, nrows, ncols);
    }
}
