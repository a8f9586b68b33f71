package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against a local HTTP server (127.0.0.1) started by the test. */
class DownloadsTest {

    @TempDir
    Path dir;
    LocalServer server;
    final byte[] body = "weights".repeat(5000).getBytes(StandardCharsets.US_ASCII);
    final Downloads online = new Downloads(false, Duration.ofSeconds(10));

    @BeforeEach
    void start() throws Exception {
        server = new LocalServer();
        server.files.put("w.bin", body);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Files in dir other than lock files: no temp file may remain. */
    List<Path> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.toString().endsWith(".lock")).toList();
        }
    }

    @Test
    void downloadsVerifiesAndReusesTheCachedCopy() throws Exception {
        Path target = dir.resolve("w.bin");
        Path got = online.fetch(server.uri("/ok/w.bin"), target, Checksum.sha256(sha256(body).substring(0, 8)));
        assertThat(Files.readAllBytes(got)).isEqualTo(body);
        online.fetch(server.uri("/ok/w.bin"), target, Checksum.sha256(sha256(body)));
        assertThat(server.requests.get()).isEqualTo(1);
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void truncatedBodyIsAnErrorAndNothingIsWritten() throws Exception {
        Path target = dir.resolve("w.bin");
        assertThatThrownBy(() -> online.fetch(server.uri("/truncated/w.bin"), target, null))
                .isInstanceOf(DownloadException.class).hasMessageContaining("/truncated/w.bin")
                .hasMessageContaining("of " + body.length);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void wrongChecksumKeepsTheGoodCachedCopy() throws Exception {
        Path target = dir.resolve("w.bin");
        byte[] old = "previous good copy".getBytes(StandardCharsets.US_ASCII);
        Files.write(target, old);
        // the cached copy fails this checksum, and so does the served body: neither replaces the other
        Checksum expected = Checksum.sha256("00112233");
        assertThatThrownBy(() -> online.fetch(server.uri("/ok/w.bin"), target, expected))
                .isInstanceOf(DownloadException.class).hasMessageContaining("checksum mismatch")
                .hasMessageContaining("expected SHA-256 00112233, got " + sha256(body));
        assertThat(Files.readAllBytes(target)).isEqualTo(old);
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void droppedConnectionIsAnError() throws Exception {
        Path target = dir.resolve("d.bin");
        assertThatThrownBy(() -> online.fetch(server.dropUri(), target, null))
                .isInstanceOf(DownloadException.class).hasMessageContaining(server.dropUri().toString());
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void stalledBodyIsAbandoned() throws Exception {
        server.stallMillis = 5000;
        Path target = dir.resolve("s.bin");
        Downloads impatient = new Downloads(false, Duration.ofSeconds(1));
        assertThatThrownBy(() -> impatient.fetch(server.dropUri(), target, null))
                .isInstanceOf(DownloadException.class).hasMessageContaining("download stalled (no data for 1 s)")
                .hasMessageContaining("after 16 bytes");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void httpErrorIsAnError() {
        assertThatThrownBy(() -> online.fetch(server.uri("/ok/nothing"), dir.resolve("n"), null))
                .isInstanceOf(DownloadException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void twoThreadsFetchingAtOnceDownloadOnce() throws Exception {
        Path target = dir.resolve("w.bin");
        Checksum sum = Checksum.sha256(sha256(body));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Path> task = () -> new Downloads(false, Duration.ofSeconds(10))
                    .fetch(server.uri("/slow/w.bin"), target, sum);
            Future<Path> a = pool.submit(task);
            Future<Path> b = pool.submit(task);
            assertThat(a.get()).isEqualTo(b.get());
        } finally {
            pool.shutdown();
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
        assertThat(server.requests.get()).isEqualTo(1);
        assertThat(leftovers()).containsExactly(target);
    }

    @Test
    void offlineNeverConnects() throws Exception {
        Downloads off = new Downloads(true, Duration.ofSeconds(10));
        Path target = dir.resolve("sub/w.bin");
        assertThatThrownBy(() -> off.fetch(server.uri("/ok/w.bin"), target, null))
                .isInstanceOf(DownloadException.class).hasMessageContaining("offline")
                .hasMessageContaining("w.bin is not in the cache").hasMessageContaining("put it at " + target);
        assertThat(server.requests.get()).isZero();
        Files.createDirectories(target.getParent());
        Files.write(target, body);
        assertThat(off.fetch(server.uri("/ok/w.bin"), target, Checksum.sha256(sha256(body)))).isEqualTo(target);
        assertThat(server.requests.get()).isZero();
    }

    @Test
    void offlineSwitchBySystemProperty() {
        String before = System.getProperty("fastai4j.offline");
        try {
            System.setProperty("fastai4j.offline", "true");
            assertThat(Downloads.defaults().offline()).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty("fastai4j.offline");
            } else {
                System.setProperty("fastai4j.offline", before);
            }
        }
    }
}
