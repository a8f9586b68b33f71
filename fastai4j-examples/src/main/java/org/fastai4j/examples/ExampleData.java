package org.fastai4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data an example reads: the folder given, or (with {@code --limit N}) a temporary copy of it
 * holding at most the first N images (by file name) of every folder, with the same layout, so
 * that a run can be made small. Closing removes the copy; the original is never changed.
 */
public final class ExampleData implements AutoCloseable {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

    private final Path root;
    private final boolean temporary;
    private final int images;

    private ExampleData(Path root, boolean temporary, int images) {
        this.root = root;
        this.temporary = temporary;
        this.images = images;
    }

    /**
     * {@code source} itself when {@code perFolder} is 0, else a temporary copy with at most
     * {@code perFolder} images in each folder.
     *
     * @param source a folder of images (in class folders, at any depth)
     * @param perFolder the most images to keep per folder; 0 keeps everything
     * @return the data, to be closed
     * @throws IOException if the folder cannot be listed or copied
     */
    public static ExampleData of(Path source, int perFolder) throws IOException {
        if (perFolder < 0) {
            throw new IllegalArgumentException("perFolder must be >= 0, got " + perFolder);
        }
        if (!Files.isDirectory(source)) {
            throw new java.nio.file.NotDirectoryException(source.toAbsolutePath().toString());
        }
        if (perFolder == 0) {
            return new ExampleData(source, false, countImages(source));
        }
        Path copy = Files.createTempDirectory("fastai4j-example-data-");
        int[] copied = {0};
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(source) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path target = copy.resolve(source.relativize(dir).toString());
                    Files.createDirectories(target);
                    List<Path> files = imagesIn(dir);
                    for (Path f : files.subList(0, Math.min(perFolder, files.size()))) {
                        Files.copy(f, target.resolve(f.getFileName().toString()));
                        copied[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            delete(copy);
            throw e;
        }
        return new ExampleData(copy, true, copied[0]);
    }

    /**
     * The folder to read.
     *
     * @return the copy's root, or the source
     */
    public Path root() {
        return root;
    }

    /**
     * How many images it holds.
     *
     * @return the number of image files
     */
    public int images() {
        return images;
    }

    /**
     * Whether it is a temporary copy.
     *
     * @return true for a copy removed by {@link #close()}
     */
    public boolean temporary() {
        return temporary;
    }

    /** Removes the temporary copy, if any. */
    @Override
    public void close() {
        if (temporary) {
            try {
                delete(root);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the temporary data copy " + root, e);
            }
        }
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return Files.isRegularFile(p) && dot > 0 && IMAGE_EXTENSIONS.contains(n.substring(dot + 1));
    }

    private static List<Path> imagesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = new ArrayList<>(s.filter(ExampleData::isImage).toList());
            files.sort(Comparator.comparing(p -> p.getFileName().toString()));
            return files;
        }
    }

    private static int countImages(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(ExampleData::isImage).count();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
