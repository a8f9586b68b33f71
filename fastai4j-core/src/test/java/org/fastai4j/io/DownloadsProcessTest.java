package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs fetching the same file at once (the server answers after 2.5 s, so both are in flight): the
 * file lock lets one download while the other waits, then finds the good file: one request, one intact
 * file, no temp files.
 */
class DownloadsProcessTest {

    @TempDir
    Path dir;

    @Test
    void twoJvmsFetchingTheSameFileDownloadItOnce() throws Exception {
        byte[] body = "x".repeat(200_000).getBytes(StandardCharsets.US_ASCII);
        try (LocalServer server = new LocalServer()) {
            server.files.put("big.bin", body);
            server.slowMillis = 2500; // longer than the JVMs' start-up difference: the two fetches overlap
            Path target = dir.resolve("big.bin");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                children.add(new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                        DownloadChild.class.getName(), server.uri("/slow/big.bin").toString(), target.toString(),
                        DownloadsTest.sha256(body)).redirectErrorStream(true).start());
            }
            for (Process p : children) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
                assertThat(out).contains("OK " + target);
            }
            assertThat(server.requests.get()).isEqualTo(1);
            assertThat(Files.readAllBytes(target)).isEqualTo(body);
            try (Stream<Path> s = Files.list(dir)) {
                assertThat(s.filter(p -> !p.toString().endsWith(".lock")).toList()).containsExactly(target);
            }
        }
    }
}
