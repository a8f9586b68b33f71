package org.fastai4j.reliability;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fastai4j.io.Checksum;
import org.fastai4j.io.Downloads;

/**
 * TEST FIXTURE: the child JVM of {@link DownloadFaultsTest}. Arguments: url, target, SHA-256, go
 * file. Prints {@code ready}, waits until the go file exists (so both JVMs fetch at the same
 * moment), fetches, prints {@code done}; exit code 1 with the error on failure.
 */
public final class FetchMain {
    private FetchMain() {}

    /** Runs one fetch. */
    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        System.out.flush();
        Path go = Path.of(args[3]);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                System.out.println("no go file");
                System.exit(2);
            }
            Thread.sleep(5);
        }
        try {
            new Downloads(false, Duration.ofSeconds(30)).fetch(URI.create(args[0]), Path.of(args[1]),
                    Checksum.sha256(args[2]));
            System.out.println("done");
        } catch (Exception e) {
            System.out.println("failed: " + e);
            System.exit(1);
        }
    }
}
