package org.fastai4j.vision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.fastai4j.data.CategoryBlock;
import org.fastai4j.data.DataBlock;
import org.fastai4j.data.Items;
import org.fastai4j.data.Labellers;
import org.fastai4j.data.Splitters;
import org.fastai4j.data.Vocab;
import org.fastai4j.vision.image.ImageBlock;

/**
 * {@code ImageDataLoaders.fromFolder(path)}, fastai's {@code from_folder}: labels are the parent
 * folder names; without {@code optValidPct}, the images under {@code path/train} and {@code
 * path/valid} are split by their grandparent folder (fastai's {@code GrandparentSplitter}); with
 * it, every image under {@code path} is split at random. Before building, a missing train/valid
 * folder, a folder with no images, or a class folder with no images is an error naming it.
 */
public final class FolderLoadersBuilder extends ImageLoadersBuilder<FolderLoadersBuilder> {
    private final Path path;
    private String train = "train";
    private String valid = "valid";
    private Vocab vocab;

    FolderLoadersBuilder(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    @Override
    FolderLoadersBuilder self() {
        return this;
    }

    /**
     * The training folder's name (fastai's {@code train}, default {@code train}); used when no
     * {@code optValidPct} is given.
     *
     * @param train the name of the folder under {@code path} holding the training class folders
     * @return this builder
     */
    public FolderLoadersBuilder optTrain(String train) {
        this.train = Objects.requireNonNull(train, "train");
        return this;
    }

    /**
     * The validation folder's name (fastai's {@code valid}, default {@code valid}); used when no
     * {@code optValidPct} is given.
     *
     * @param valid the name of the folder under {@code path} holding the validation class folders
     * @return this builder
     */
    public FolderLoadersBuilder optValid(String valid) {
        this.valid = Objects.requireNonNull(valid, "valid");
        return this;
    }

    /**
     * A fixed vocabulary (fastai's {@code vocab}); default: the sorted training labels.
     *
     * @param classes the class names in index order (class {@code i} is {@code classes.get(i)}),
     *     without duplicates
     * @return this builder
     * @throws IllegalArgumentException if a class name appears twice
     */
    public FolderLoadersBuilder optVocab(List<String> classes) {
        this.vocab = new Vocab(classes);
        return this;
    }

    /** {@return the DataBlock this builder uses (public so it can be rebuilt from its parts)} */
    public DataBlock dataBlock() {
        DataBlock.Builder b = DataBlock.builder()
                .setBlocks(ImageBlock.create(),
                        vocab == null ? CategoryBlock.create() : CategoryBlock.withVocab(vocab))
                .setGetY(Labellers.parentLabel());
        if (validPct() == null) {
            b.setGetItems(p -> Items.getImageFiles((Path) p, List.of(train, valid)))
                    .optSplitter(Splitters.grandparent(train, valid));
        } else {
            b.setGetItems(p -> Items.getImageFiles((Path) p)).optSplitter(randomSplitter());
        }
        return withTfms(b).build();
    }

    @Override
    public ImageDataLoaders build() {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("Not a folder: " + path.toAbsolutePath());
        }
        List<Path> roots = new ArrayList<>();
        if (validPct() == null) {
            for (String name : List.of(train, valid)) {
                Path p = path.resolve(name);
                if (!Files.isDirectory(p)) {
                    throw new IllegalArgumentException("No '" + name + "' folder in "
                            + path.toAbsolutePath() + " (set optTrain/optValid to the folder names,"
                            + " or optValidPct for a random split)");
                }
                roots.add(p);
            }
        } else {
            roots.add(path);
        }
        for (Path root : roots) {
            checkFolders(root);
        }
        return new ImageDataLoaders(dataBlock().dataloaders(path, options()));
    }

    /** Every non-hidden leaf folder under {@code root}, and root itself, must hold an image. */
    static void checkFolders(Path root) {
        if (Items.getImageFiles(root).isEmpty()) {
            throw new IllegalArgumentException("Folder " + root.toAbsolutePath()
                    + " has no images (extensions " + Items.IMAGE_EXTENSIONS + ")");
        }
        List<Path> empty = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                if (isHidden(root, d) || hasSubfolder(d)) {
                    continue;
                }
                if (Items.getImageFiles(d).isEmpty()) {
                    empty.add(d.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root.toAbsolutePath(), e);
        }
        if (!empty.isEmpty()) {
            throw new IllegalArgumentException("Class folder(s) with no images: " + empty);
        }
    }

    private static boolean isHidden(Path root, Path d) {
        for (Path part : root.relativize(d)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSubfolder(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.anyMatch(p -> Files.isDirectory(p) && !p.getFileName().toString()
                    .startsWith("."));
        }
    }
}
