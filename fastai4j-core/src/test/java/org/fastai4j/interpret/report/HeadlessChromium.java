package org.fastai4j.interpret.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: loads a page in headless Chromium and returns the DOM after the load event. */
final class HeadlessChromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;

    private HeadlessChromium() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The serialized DOM of {@code page} once loaded (scripts run); fails after 60 s. */
    static String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(work.resolve("chromium-profile"));
        Path out = work.resolve("dom.html");
        Path err = work.resolve("chromium.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s; log: "
                        + tail(err));
            }
        } finally {
            p.destroyForcibly();
        }
        String dom = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || dom.isBlank()) {
            throw new IOException("chromium exited with " + p.exitValue() + " and " + dom.length()
                    + " chars of DOM; log: " + tail(err));
        }
        return dom;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    }
}
