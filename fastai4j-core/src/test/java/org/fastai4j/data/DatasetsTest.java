package org.fastai4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.fastai4j.io.Archives;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.DownloadException;
import org.fastai4j.io.Downloads;
import org.fastai4j.io.LocalServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** untarData against a local HTTP server: download, checksum, safe extraction, reuse, offline. */
class DatasetsTest {

    @TempDir
    Path dir;
    LocalServer server;
    final Downloads online = new Downloads(false, Duration.ofSeconds(10));

    @BeforeEach
    void start() throws Exception {
        server = new LocalServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** A .tgz of (name, content) pairs; content null = directory; content starting with "->" = symlink. */
    static byte[] tgz(String... entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (int i = 0; i < entries.length; i += 2) {
                String content = entries[i + 1];
                TarArchiveEntry e;
                if (content != null && content.startsWith("->")) {
                    e = new TarArchiveEntry(entries[i], TarArchiveEntry.LF_SYMLINK);
                    e.setLinkName(content.substring(2));
                    tar.putArchiveEntry(e);
                } else {
                    e = new TarArchiveEntry(entries[i]);
                    byte[] b = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
                    e.setSize(b.length);
                    tar.putArchiveEntry(e);
                    tar.write(b);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void downloadsExtractsAndReuses() throws Exception {
        byte[] archive = tgz("mnist_tiny/", null, "mnist_tiny/train/3/a.png", "three", "mnist_tiny/labels.csv", "x,y");
        server.files.put("mnist_tiny.tgz", archive);
        Path cache = dir.resolve("cache");
        Path p = Datasets.untarData(server.uri("/ok/mnist_tiny.tgz"), Checksum.md5(md5(archive)), online, cache);
        assertThat(p).isEqualTo(cache.resolve("data/mnist_tiny").toAbsolutePath());
        assertThat(Files.readString(p.resolve("train/3/a.png"))).isEqualTo("three");
        assertThat(Files.readString(p.resolve("labels.csv"))).isEqualTo("x,y");
        assertThat(cache.resolve("archive/mnist_tiny.tgz")).exists();
        Path again = Datasets.untarData(server.uri("/ok/mnist_tiny.tgz"), null, new Downloads(true, Duration.ofSeconds(1)),
                cache);
        assertThat(again).isEqualTo(p);
        assertThat(server.requests.get()).isEqualTo(1);
        try (Stream<Path> s = Files.list(cache.resolve("data"))) {
            assertThat(s.toList()).containsExactly(p); // no temp extraction folder left
        }
    }

    @Test
    void pathTraversalIsRefused() throws Exception {
        server.files.put("evil.tgz", tgz("evil/ok.txt", "fine", "evil/../../outside.txt", "pwned"));
        Path cache = dir.resolve("cache");
        assertThatThrownBy(() -> Datasets.untarData(server.uri("/ok/evil.tgz"), null, online, cache))
                .isInstanceOf(Archives.InvalidArchiveException.class).hasMessageContaining("evil/../../outside.txt")
                .hasMessageContaining("outside");
        assertThat(dir.resolve("cache/data/outside.txt")).doesNotExist();
        assertThat(dir.resolve("cache/outside.txt")).doesNotExist();
        assertThat(cache.resolve("data/evil")).doesNotExist();
    }

    @Test
    void symlinkOutOfTheDatasetIsRefused() throws Exception {
        server.files.put("link.tgz", tgz("link/passwd", "->/etc/passwd"));
        assertThatThrownBy(() -> Datasets.untarData(server.uri("/ok/link.tgz"), null, online, dir.resolve("c")))
                .isInstanceOf(Archives.InvalidArchiveException.class).hasMessageContaining("/etc/passwd");
        server.files.put("link2.tgz", tgz("link2/up", "->../../../x"));
        assertThatThrownBy(() -> Datasets.untarData(server.uri("/ok/link2.tgz"), null, online, dir.resolve("c")))
                .isInstanceOf(Archives.InvalidArchiveException.class);
    }

    @Test
    void wrongChecksumAndOfflineAreClearErrors() throws Exception {
        server.files.put("d.tgz", tgz("d/a", "1"));
        assertThatThrownBy(() -> Datasets.untarData(server.uri("/ok/d.tgz"), Checksum.md5("0123456789abcdef"), online,
                dir.resolve("c"))).isInstanceOf(DownloadException.class).hasMessageContaining("checksum mismatch");
        int before = server.requests.get();
        assertThatThrownBy(() -> Datasets.untarData(server.uri("/ok/d.tgz"), null, new Downloads(true, Duration.ofSeconds(1)),
                dir.resolve("c"))).isInstanceOf(DownloadException.class).hasMessageContaining("d.tgz is not in the cache");
        assertThat(server.requests.get()).isEqualTo(before);
    }

    @Test
    void knownUrlsAreFastaisWithTheirChecks() {
        assertThat(URLs.MNIST_SAMPLE).isEqualTo("https://s3.amazonaws.com/fast-ai-sample/mnist_sample.tgz");
        assertThat(URLs.PETS).isEqualTo("https://s3.amazonaws.com/fast-ai-imageclas/oxford-iiit-pet.tgz");
        assertThat(URLs.IMAGENETTE_160).isEqualTo("https://s3.amazonaws.com/fast-ai-imageclas/imagenette2-160.tgz");
        assertThat(URLs.CHECKS.get(URLs.MNIST_SAMPLE).md5()).isEqualTo("2dbc7ec6f9259b583af0072c55816a88");
    }
}
