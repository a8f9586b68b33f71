package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.fastai4j.io.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 11, the case {@code DownloadsTest} covers only with two threads: two JVMs fetch
 * the same file from a local server at the same moment (both started, both waiting on a go file,
 * the server answering after 300 ms so the fetches overlap). Both succeed, the server is asked
 * once (the second JVM waits on the lock file and finds the verified copy), the file is intact,
 * and no temporary file is left.
 */
class TwoJvmDownloadTest {
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
}
