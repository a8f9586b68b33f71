package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.DownloadException;
import org.fastai4j.io.Downloads;
import org.fastai4j.io.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 11, the case {@code DownloadsTest} and {@code DownloadsProcessTest} do not write:
 * a truncated body while a cached copy exists (one failing the new checksum, so a download is
 * attempted) leaves the cached copy byte for byte and no temporary file.
 */
class DownloadFaultsTest {
    @TempDir
    Path dir;

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
