package org.fastai4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** fastai's item getters: {@code get_files} and {@code get_image_files}. */
public final class Items {
    /** The image file extensions recognised by {@link #getImageFiles} (lower case, with dot). */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of(".jpg", ".jpeg", ".png", ".bmp",
            ".gif", ".tif", ".tiff", ".webp", ".ppm", ".pgm", ".pbm", ".jpe", ".jfif");

    private Items() {}

    /**
     * fastai's {@code get_image_files(path)}: every image file under {@code path}, recursively,
     * skipping hidden files and folders (names starting with a dot: {@code .git},
     * {@code .ipynb_checkpoints}), sorted by path so the order is the same on every machine.
     *
     * @param path the folder searched recursively
     * @return the files, sorted by path
     */
    public static List<Path> getImageFiles(Path path) {
        return getFiles(path, IMAGE_EXTENSIONS, List.of());
    }

    /**
     * {@link #getImageFiles(Path)} only inside the given top-level {@code folders}.
     *
     * @param path the folder searched recursively
     * @param folders the top-level folders searched (empty: all)
     * @return the files, sorted by path
     */
    public static List<Path> getImageFiles(Path path, List<String> folders) {
        return getFiles(path, IMAGE_EXTENSIONS, folders);
    }

    /**
     * fastai's {@code get_files}: files under {@code path} whose extension is in {@code extensions}
     * (all files when empty), recursively, only inside top-level {@code folders} when given,
     * skipping hidden files and folders; sorted.
     *
     * @throws UncheckedIOException when the folder cannot be read
     * @throws IllegalArgumentException when {@code path} is not a folder
     * @param path the folder searched recursively
     * @param extensions the lower-case extensions kept, with their dot (empty: all)
     * @param folders the top-level folders searched (empty: all)
     * @return the files, sorted by path
     */
    public static List<Path> getFiles(Path path, Set<String> extensions, List<String> folders) {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("Not a folder: " + path.toAbsolutePath());
        }
        List<Path> out = new ArrayList<>();
        List<Path> roots = folders.isEmpty() ? List.of(path)
                : folders.stream().map(path::resolve).filter(Files::isDirectory).toList();
        for (Path root : roots) {
            try {
                Files.walkFileTree(root, Set.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
                        Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult preVisitDirectory(Path dir,
                                    BasicFileAttributes attrs) {
                                return !dir.equals(root) && hidden(dir)
                                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                            }

                            @Override
                            public FileVisitResult visitFileFailed(Path file, IOException e)
                                    throws IOException {
                                if (e instanceof java.nio.file.FileSystemLoopException) {
                                    return FileVisitResult.CONTINUE; // a symlink cycle: skip it
                                }
                                throw e;
                            }

                            @Override
                            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                                if (a.isRegularFile() && !hidden(file)
                                        && (extensions.isEmpty()
                                                || extensions.contains(extension(file)))) {
                                    out.add(file);
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + root.toAbsolutePath(), e);
            }
        }
        out.sort(null);
        return out;
    }

    /**
     * The extension of a file name, as fastai compares extensions.
     *
     * @param file a path; only its last name element is looked at
     * @return the lower-case extension of {@code file} with its dot (e.g. {@code ".jpg"} for
     *     {@code a/B.JPG}, {@code ".gz"} for {@code x.tar.gz}), or {@code ""} when the name has no dot
     */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
