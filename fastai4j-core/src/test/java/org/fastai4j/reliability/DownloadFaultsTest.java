package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.time.Duration;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.DownloadException;
import org.fastai4j.io.Downloads;
import org.fastai4j.io.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 11, the cases {@code DownloadsTest} does not write. Two JVMs fetch
 * the same file from a local server at the same moment (both started, both waiting on a go file,
 * the server answering after 300 ms so the fetches overlap). Both succeed, the server is asked
 * once (the second JVM waits on the lock file and finds the verified copy), the file is intact,
 * and no temporary file is left. A truncated body or a dropped connection while a cached copy
 * exists leaves the cached copy byte for byte.
 */
class DownloadFaultsTest {
    @TempDir
    Path dir;

    @Test
    void twoJvmsFetchingTheSameFileDownloadItOnce() throws Exception {
        byte[] body = "weights".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Path target = dir.resolve("cache/w.bin");
        Path go = dir.resolve("go");
        try (LocalServer server = new LocalServer()) {
            server.files.put("w.bin", body);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> children = new ArrayList<>();
            List<BufferedReader> outs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                        FetchMain.class.getName(), server.uri("/slow/w.bin").toString(), target.toString(), sha,
                        go.toString()).redirectErrorStream(true).start();
                children.add(p);
                outs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            try {
                for (BufferedReader out : outs) {
                    assertThat(out.readLine()).isEqualTo("ready");
                }
                Files.createFile(go);
                for (int i = 0; i < 2; i++) {
                    assertThat(children.get(i).waitFor(60, TimeUnit.SECONDS)).as("child " + i + " finished").isTrue();
                    String rest = String.join("\n", outs.get(i).lines().toList());
                    assertThat(children.get(i).exitValue()).as("child " + i + ": " + rest).isZero();
                    assertThat(rest).contains("done");
                }
            } finally {
                children.forEach(Process::destroyForcibly);
            }
            assertThat(server.requests.get()).as("HTTP requests").isEqualTo(1);
        }
        assertThat(Files.readAllBytes(target)).isEqualTo(body);
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
                    .containsExactly("w.bin");
        }
    }

    @Test
    void truncatedDownloadNeverReplacesTheCachedCopy() throws Exception {
        byte[] body = "new weights".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        Path target = dir.resolve("w.bin");
        byte[] cached = "an older cached copy".getBytes(StandardCharsets.US_ASCII);
        Files.write(target, cached); // fails the new checksum, so a download is attempted
        try (LocalServer server = new LocalServer()) {
            server.files.put("w.bin", body);
            Downloads online = new Downloads(false, Duration.ofSeconds(10));
            assertThatThrownBy(() -> online.fetch(server.uri("/truncated/w.bin"), target, Checksum.sha256(sha)))
                    .isInstanceOf(DownloadException.class).hasMessageContaining("/truncated/w.bin");
            assertThat(Files.readAllBytes(target)).isEqualTo(cached);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
                    .containsExactly("w.bin");
        }
    }
}
