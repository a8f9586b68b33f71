package org.fastai4j.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fastai4j.io.Archives;
import org.fastai4j.io.AtomicFiles;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.Downloads;

/**
 * fastai's {@code untar_data}: downloads a dataset archive into {@code <cache>/archive} (checksummed with
 * fastai's MD5 when known, see {@link URLs#CHECKS}; temp file + rename; lock; offline switch: see
 * {@link Downloads}), extracts it safely ({@link Archives}) into a temporary folder, then renames it to
 * {@code <cache>/data/<name>} (name = the archive's file name without {@code .tgz}); an extracted folder
 * already there is reused without any network access. The cache is {@code FASTAI4J_HOME} or
 * {@code ~/.fastai4j}.
 */
public final class Datasets {

    private Datasets() {}

    /**
     * {@code untar_data(url)} with the default cache and downloader.
     *
     * @param url the archive's URL
     * @return the folder of the extracted data
     * @throws IOException if the download, the check or the extraction fails
     */
    public static Path untarData(String url) throws IOException {
        return untarData(url, Downloads.defaults(), Downloads.cacheDir());
    }

    /**
     * {@code untar_data(url)} into {@code cacheDir} with {@code downloads}.
     *
     * @param url the archive's URL
     * @param downloads the downloader (offline mode, timeout), e.g. {@link Downloads#defaults()}
     * @param cacheDir the folder archives are kept and extracted in
     * @return the folder of the extracted data
     * @throws IOException if the download, the check or the extraction fails
     */
    public static Path untarData(String url, Downloads downloads, Path cacheDir) throws IOException {
        URLs.Check check = URLs.CHECKS.get(url);
        return untarData(URI.create(url), check == null ? null : Checksum.md5(check.md5()), downloads, cacheDir);
    }

    /**
     * {@code untar_data} of any {@code .tgz}/{@code .tar.gz} URL with an optional checksum.
     *
     * @param url the archive's URL
     * @param checksum the expected digest of the archive, or null
     * @param downloads the downloader (offline mode, timeout), e.g. {@link Downloads#defaults()}
     * @param cacheDir the folder archives are kept and extracted in
     * @return the folder of the extracted data
     * @throws IOException if the download, the check or the extraction fails
     */
    public static Path untarData(URI url, Checksum checksum, Downloads downloads, Path cacheDir) throws IOException {
        String file = Path.of(url.getPath()).getFileName().toString();
        String name = file.replaceFirst("\\.(tgz|tar\\.gz)$", "");
        if (name.equals(file) || name.isEmpty()) {
            throw new IllegalArgumentException("untarData needs a .tgz or .tar.gz URL, got " + url);
        }
        Path data = cacheDir.resolve("data").toAbsolutePath();
        Path dest = data.resolve(name);
        if (Files.isDirectory(dest)) {
            return dest;
        }
        Path archive = downloads.fetch(url, cacheDir.resolve("archive").resolve(file), checksum);
        Files.createDirectories(data);
        Path tmp = Files.createTempDirectory(data, "." + name + ".extract");
        try {
            Archives.extractTgz(archive, tmp);
            List<Path> top = list(tmp);
            // fastai's archives hold one top folder named like the archive: use its content as the dataset
            Path content = top.size() == 1 && Files.isDirectory(top.get(0)) && !Files.isSymbolicLink(top.get(0))
                    ? top.get(0) : tmp;
            try {
                AtomicFiles.move(content, dest);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                if (!Files.isDirectory(dest)) {
                    throw e; // someone else extracted it meanwhile otherwise
                }
            }
            return dest;
        } finally {
            deleteTree(tmp);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
