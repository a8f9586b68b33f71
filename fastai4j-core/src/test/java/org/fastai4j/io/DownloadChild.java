package org.fastai4j.io;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** A child JVM for {@link DownloadsProcessTest}: fetches args[0] into args[1] checked against SHA-256 args[2]. */
public final class DownloadChild {

    private DownloadChild() {}

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Path p = new Downloads(false, Duration.ofSeconds(30)).fetch(URI.create(args[0]), Path.of(args[1]),
                Checksum.sha256(args[2]));
        System.out.println("OK " + p);
    }
}
