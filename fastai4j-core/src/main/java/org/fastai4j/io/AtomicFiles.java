package org.fastai4j.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writing a file atomically: the content goes to a temporary file in the target's folder, is forced to
 * disk, then renamed over the target; on any failure the temporary file is deleted and the previous
 * target is left untouched.
 */
public final class AtomicFiles {

    /** Writes content to an open channel. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes everything to {@code channel}.
         *
         * @param channel the temporary file, open for writing at position 0; do not close it
         * @throws IOException if writing fails; the target is then left untouched
         */
        void write(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code file} atomically with {@code writer}.
     *
     * @param file the file to write
     * @param writer writes the content into the temporary file
     * @throws IOException if writing or moving fails
     */
    public static void write(Path file, Writer writer) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.write(ch);
                ch.force(true);
            }
            move(tmp, target);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /**
     * Renames {@code from} over {@code to}, atomically where the file system allows.
     *
     * @param from the file to move
     * @param to its new path, replaced if it exists
     * @throws IOException if writing or moving fails
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
