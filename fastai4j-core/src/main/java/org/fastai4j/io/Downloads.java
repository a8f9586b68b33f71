package org.fastai4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads files into a cache, safely: the body goes to a temporary file next to the target, its size
 * is checked against {@code Content-Length} and its digest against the expected {@link Checksum}, and
 * only then is it renamed over the target; a good cached copy is reused and never overwritten by a bad
 * download; a lock file ({@code <target>.lock}, {@link FileChannel#lock()}) plus an in-JVM lock stop two
 * threads or JVMs from writing the same file. Offline ({@code FASTAI4J_OFFLINE=1}, or the system property
 * {@code fastai4j.offline=true}) no connection is ever attempted: a missing file is an error naming it and
 * where to put it. A body that stalls (no data for the timeout) is abandoned with an error.
 */
public final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "fastai4j-download-watchdog");
                t.setDaemon(true);
                return t;
            });

    private final boolean offline;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * A downloader.
     *
     * @param offline true forbids any connection: only files already in the cache are returned
     * @param timeout how long to wait, each, for the connection, for the response headers, and for
     *     the next data of a body before the download is abandoned as stalled
     * @throws NullPointerException if {@code timeout} is null
     */
    public Downloads(boolean offline, Duration timeout) {
        this.offline = offline;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout).build();
    }

    /** {@return the downloader configured by the environment: offline per {@link #offlineByDefault()}, 60 s timeouts} */
    public static Downloads defaults() {
        return new Downloads(offlineByDefault(), Duration.ofSeconds(60));
    }

    /** {@return true if {@code FASTAI4J_OFFLINE} is 1/true or the system property {@code fastai4j.offline} is true} */
    public static boolean offlineByDefault() {
        String env = System.getenv("FASTAI4J_OFFLINE");
        return "1".equals(env) || "true".equalsIgnoreCase(env) || Boolean.getBoolean("fastai4j.offline");
    }

    /**
     * fastai4j's cache folder (fastai's {@code ~/.fastai}).
     *
     * @return {@code $FASTAI4J_HOME} when set and not blank, else {@code ~/.fastai4j}; not created here
     */
    public static Path cacheDir() {
        String home = System.getenv("FASTAI4J_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".fastai4j");
    }

    /** {@return true if this downloader never connects} */
    public boolean offline() {
        return offline;
    }

    /**
     * Returns {@code target}, downloading {@code url} into it first unless it already holds a copy that
     * passes {@code checksum} (null: any existing file is accepted and the download is not verified).
     * Blocks while another thread or JVM downloads the same target.
     *
     * @param url where to download from (redirects are followed); only HTTP 200 is accepted
     * @param target the cache file; its folder is created when needed
     * @param checksum the expected digest of the file, or null for none
     * @return the absolute path of {@code target}, now holding the file
     * @throws IOException if the cache folder or the lock file cannot be created
     * @throws DownloadException offline without the file, HTTP error, truncated body, lost connection,
     *     or checksum mismatch (the temporary file is deleted; an existing good file is kept)
     */
    public Path fetch(URI url, Path target, Checksum checksum) throws IOException {
        Path abs = target.toAbsolutePath();
        if (isGood(abs, checksum)) {
            return abs;
        }
        if (offline) {
            throw new DownloadException("offline (FASTAI4J_OFFLINE): " + abs.getFileName() + " is not in the cache"
                    + (Files.exists(abs) ? " (the copy there fails its " + checksum + " check)" : "")
                    + "; download " + url + " and put it at " + abs);
        }
        Files.createDirectories(abs.getParent());
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(abs, p -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel lockFile = FileChannel.open(abs.resolveSibling(abs.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            if (isGood(abs, checksum)) {
                return abs; // another thread or JVM fetched it meanwhile
            }
            download(url, abs, checksum);
            return abs;
        } finally {
            jvmLock.unlock();
        }
    }

    private static boolean isGood(Path file, Checksum checksum) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        if (checksum == null || checksum.matches(file)) {
            return true;
        }
        LOG.warn("{} fails its {} check; it will be downloaded again", file, checksum);
        return false;
    }

    private void download(URI url, Path target, Checksum checksum) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
            HttpResponse<InputStream> resp;
            try {
                resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadException("interrupted while connecting to " + url, e);
            } catch (IOException e) {
                throw new DownloadException("cannot download " + url + ": " + e, e);
            }
            long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
            MessageDigest md = checksum == null ? null : checksum.newDigest();
            long got = 0;
            java.util.concurrent.atomic.AtomicLong lastProgress = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
            java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
            InputStream body = resp.body();
            java.util.concurrent.ScheduledFuture<?> watch = WATCHDOG.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastProgress.get() > timeout.toNanos() && !stalled.getAndSet(true)) {
                    try {
                        body.close(); // unblocks the reading thread
                    } catch (IOException ignored) {
                        // closing is best effort
                    }
                }
            }, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);
            try (InputStream in = body; OutputStream out = Files.newOutputStream(tmp)) {
                if (resp.statusCode() != 200) {
                    throw new DownloadException("HTTP " + resp.statusCode() + " for " + url);
                }
                LOG.info("downloading {} to {}{}", url, target, declared > 0 ? " (" + declared + " bytes)" : "");
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    if (md != null) {
                        md.update(buf, 0, n);
                    }
                    got += n;
                    lastProgress.set(System.nanoTime());
                }
            } catch (DownloadException e) {
                throw e;
            } catch (IOException e) {
                throw new DownloadException((stalled.get() ? "download stalled (no data for " + timeout.toSeconds()
                        + " s)" : "connection lost") + " downloading " + url + " after " + got + " bytes"
                        + (declared >= 0 ? " of " + declared : "") + "; nothing was written to " + target, e);
            } finally {
                watch.cancel(false);
            }
            if (stalled.get()) {
                throw new DownloadException("download stalled (no data for " + timeout.toSeconds() + " s) downloading "
                        + url + "; nothing was written to " + target);
            }
            if (declared >= 0 && got != declared) {
                throw new DownloadException("truncated download of " + url + ": got " + got + " of " + declared
                        + " bytes; nothing was written to " + target);
            }
            if (md != null) {
                byte[] digest = md.digest();
                if (!checksum.matches(digest)) {
                    throw new DownloadException("checksum mismatch for " + url + ": expected " + checksum + ", got "
                            + HexFormat.of().formatHex(digest) + "; the download was discarded, " + target
                            + " left as it was");
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            AtomicFiles.move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
