package org.fastai4j.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Safe extraction of {@code .tgz} / {@code .tar.gz} archives (Apache Commons Compress): every entry must
 * land inside the destination (absolute names and {@code ..} escapes are refused), symbolic and hard
 * links must point inside it too, device and FIFO entries are skipped. Errors name the archive and entry.
 */
public final class Archives {

    private Archives() {}

    /**
     * Extracts {@code archive} (gzip-compressed tar) into the existing folder {@code dest}.
     * Existing files of the same name are replaced; a failure part-way leaves the entries
     * extracted so far.
     *
     * @param archive the {@code .tgz} / {@code .tar.gz} file
     * @param dest the folder to extract into; entry paths are resolved against it
     * @throws InvalidArchiveException if an entry or a link target would land outside {@code dest}
     * @throws IOException if the archive cannot be read, is corrupt or truncated, or a file cannot
     *     be written (the message names the archive)
     */
    public static void extractTgz(Path archive, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = inside(archive, root, root, e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    inside(archive, root, out.getParent(), e.getLinkName());
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Path src = inside(archive, root, root, e.getLinkName());
                    Files.createDirectories(out.getParent());
                    Files.copy(src, out, StandardCopyOption.REPLACE_EXISTING);
                } else if (e.isFile()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IOException(archive + ": cannot extract (corrupt or truncated archive?): " + e.getMessage(), e);
        }
    }

    private static Path inside(Path archive, Path root, Path base, String name) throws IOException {
        Path p = base.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !p.startsWith(root)) {
            throw new InvalidArchiveException(archive + ": entry '" + name + "' would be written outside "
                    + root + ", refused");
        }
        return p;
    }

    /** An archive entry that would escape the destination folder. */
    public static final class InvalidArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * With the message naming the archive and the entry.
         *
         * @param message the message, naming the archive, the entry and the destination folder
         */
        public InvalidArchiveException(String message) {
            super(message);
        }
    }
}
