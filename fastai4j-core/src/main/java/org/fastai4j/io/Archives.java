package org.fastai4j.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Safe extraction of {@code .tgz} / {@code .tar.gz} archives (Apache Commons Compress): every entry must
 * land inside the destination, judged on the real file system, not on the entry's text: absolute names and
 * {@code ..} escapes are refused, and before anything is written the real path of the deepest existing
 * folder on the way (symbolic links followed) must be inside the destination's real path, so a link
 * extracted earlier cannot carry a later entry out. Symbolic links must have relative targets that resolve
 * inside the destination through the links already on disk (checked again once everything is extracted);
 * hard links must name a regular file already extracted inside it. Device and FIFO entries are skipped.
 * Errors name the archive, the entry and the reason.
 */
public final class Archives {

    /** Symbolic links followed while resolving one path before giving up (Linux's limit). */
    private static final int MAX_LINK_HOPS = 40;

    private Archives() {}

    /**
     * Extracts {@code archive} (gzip-compressed tar) into the existing folder {@code dest}.
     * Existing files of the same name are replaced; a failure part-way leaves the entries
     * extracted so far (minus any symbolic link found to lead outside {@code dest}).
     *
     * @param archive the {@code .tgz} / {@code .tar.gz} file
     * @param dest the existing folder to extract into; entry paths are resolved against it
     * @throws InvalidArchiveException if an entry would be written outside {@code dest} (by its name or
     *     through symbolic links on disk), or a link's target is absolute or leads outside {@code dest}
     * @throws IOException if {@code dest} does not exist, or the archive cannot be read, is corrupt or
     *     truncated, or a file cannot be written (the message names the archive)
     */
    public static void extractTgz(Path archive, Path dest) throws IOException {
        Path root = dest.toAbsolutePath().normalize();
        Path rootReal = root.toRealPath();
        Guard guard = new Guard(archive, root, rootReal);
        List<Path> links = new ArrayList<>();
        List<String> linkNames = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GzipCompressorInputStream(new BufferedInputStream(raw)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                String name = e.getName();
                Path out = guard.named(name);
                if (e.isDirectory()) {
                    guard.writable(name, out);
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    guard.writable(name, out.getParent());
                    Files.createDirectories(out.getParent());
                    guard.symlinkTarget(name, out, e.getLinkName());
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    links.add(out);
                    linkNames.add(name);
                } else if (e.isLink()) {
                    Path src = guard.hardLinkSource(name, e.getLinkName());
                    guard.writable(name, out.getParent());
                    Files.createDirectories(out.getParent());
                    Files.copy(src, out, StandardCopyOption.REPLACE_EXISTING);
                } else if (e.isFile()) {
                    guard.writable(name, out.getParent());
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // a link checked when made can be redirected by a later one (x/.. once x is a link): check all again
            for (int i = 0; i < links.size(); i++) {
                Path link = links.get(i);
                if (Files.isSymbolicLink(link)) {
                    try {
                        guard.symlinkTarget(linkNames.get(i), link, Files.readSymbolicLink(link).toString());
                    } catch (InvalidArchiveException ex) {
                        Files.deleteIfExists(link);
                        throw ex;
                    }
                }
            }
        } catch (InvalidArchiveException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IOException(archive + ": cannot extract (corrupt or truncated archive?): " + e.getMessage(), e);
        }
    }

    /** The checks, for one archive and destination. */
    private record Guard(Path archive, Path root, Path rootReal) {

        /** The entry's path under the destination; refused if absolute or if its {@code ..} leave it. */
        Path named(String name) throws InvalidArchiveException {
            Path p = root.resolve(name).normalize();
            if (Path.of(name).isAbsolute() || name.startsWith("/") || !p.startsWith(root)) {
                throw refused(name, "would be written outside " + root);
            }
            return p;
        }

        /** Refuses unless the deepest existing folder of {@code p} (itself included), links followed, is inside. */
        void writable(String name, Path p) throws InvalidArchiveException {
            Path q = p;
            while (q != null && !Files.exists(q, LinkOption.NOFOLLOW_LINKS)) {
                q = q.getParent();
            }
            Path real;
            try {
                real = q == null ? null : q.toRealPath();
            } catch (IOException e) {
                throw refused(name, "would be written through the dangling or looping link " + q + " in " + root);
            }
            if (real == null || !real.startsWith(rootReal)) {
                throw refused(name, "would be written outside " + root + " (through the link " + q + " to " + real
                        + ")");
            }
        }

        /** Refuses a symbolic link at {@code link} whose target is absolute or leads outside, links followed. */
        void symlinkTarget(String name, Path link, String target) throws IOException {
            Path t = Path.of(target);
            if (t.isAbsolute() || target.startsWith("/") || t.getRoot() != null) {
                throw refused(name, "is a symbolic link to the absolute path '" + target + "', outside " + root);
            }
            Path parent = link.getParent().toRealPath();
            Path end = resolve(parent, t, new int[1]);
            if (end == null || !end.startsWith(rootReal)) {
                throw refused(name, "is a symbolic link to '" + target + "', which resolves "
                        + (end == null ? "through too many links" : "to " + end + ", outside " + root));
            }
        }

        /** The regular file a hard link names, refused unless already extracted inside the destination. */
        Path hardLinkSource(String name, String target) throws InvalidArchiveException {
            Path src = root.resolve(target).normalize();
            if (Path.of(target).isAbsolute() || target.startsWith("/") || !src.startsWith(root)) {
                throw refused(name, "is a hard link to '" + target + "', outside " + root);
            }
            Path real;
            try {
                real = src.toRealPath();
            } catch (IOException e) {
                throw refused(name, "is a hard link to '" + target + "', which is not an extracted file");
            }
            if (!real.startsWith(rootReal)) {
                throw refused(name, "is a hard link to '" + target + "', which resolves to " + real + ", outside "
                        + root);
            }
            if (!Files.isRegularFile(real)) {
                throw refused(name, "is a hard link to '" + target + "', which is not a regular file");
            }
            return real;
        }

        InvalidArchiveException refused(String name, String why) {
            return new InvalidArchiveException("entry '" + name + "' in " + archive + " " + why + ", refused");
        }
    }

    /**
     * Where {@code rel} leads from the real folder {@code base}, following the symbolic links on disk as the
     * operating system would; components that do not exist yet are taken as plain names. Null after
     * {@link #MAX_LINK_HOPS} links (a loop).
     */
    private static Path resolve(Path base, Path rel, int[] hops) throws IOException {
        Path cur = base;
        for (Path part : rel) {
            String c = part.toString();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                cur = cur.getParent() == null ? cur : cur.getParent();
                continue;
            }
            Path next = cur.resolve(c);
            if (Files.isSymbolicLink(next)) {
                if (++hops[0] > MAX_LINK_HOPS) {
                    return null;
                }
                Path t = Files.readSymbolicLink(next);
                next = t.isAbsolute() ? resolve(t.getRoot(), t.getRoot().relativize(t), hops) : resolve(cur, t, hops);
                if (next == null) {
                    return null;
                }
            }
            cur = next;
        }
        return cur;
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
