package org.fastai4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the Python side of a comparison (real fastai 2.7.13 or PyTorch 1.13, Debian's
 * {@code /usr/bin/python3}) as a child process, sampling the resident memory of the process and
 * its workers every 100 ms. Locations can be overridden: {@code FASTAI4J_PEER_PYTHON} (the
 * interpreter), {@code FASTAI4J_PEER_PYTHONPATH} (where fastai is laid out, default
 * {@code ../peer}, beside the repository), {@code FASTAI4J_PEER_DIR} (the folder of {@code bench_fastai.py}, default
 * {@code ../shared/peer}).
 */
final class Peer {
    /** What a Python run did. */
    record Run(int exitCode, double wallSeconds, double peakTreeMiB, String stdout, Path log) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Peer() {}

    static String python() {
        return env("FASTAI4J_PEER_PYTHON", "/usr/bin/python3");
    }

    static Path peerDir() {
        return Path.of(env("FASTAI4J_PEER_DIR", "../shared/peer"));
    }

    static String pythonPath() {
        return env("FASTAI4J_PEER_PYTHONPATH", "../peer");
    }

    /** True when the interpreter exists and can import {@code module} with the peer's path. */
    static boolean canImport(String module) {
        if (!Files.isExecutable(Path.of(python()))) {
            return false;
        }
        try {
            Run r = run(List.of(python(), "-c", "import " + module), null);
            return r.ok();
        } catch (IOException e) {
            return false;
        }
    }

    /** The benchmark's own Python scripts ({@code benchmarks/python}). */
    static Path script(String name) {
        Path p = Path.of(env("FASTAI4J_BENCH_PY", "benchmarks/python")).resolve(name);
        if (!Files.isRegularFile(p)) {
            p = Path.of("python").resolve(name);
        }
        return p;
    }

    /**
     * The engine and allocator variables that {@code run.sh} sets for fastai4j; the peer runs without
     * them, with PyTorch's and glibc's defaults as a fastai user has them, unless
     * {@code FASTAI4J_PEER_KEEP_ENV=1}.
     */
    static final List<String> OUR_ENGINE_VARIABLES = List.of("OMP_WAIT_POLICY", "GOMP_SPINCOUNT",
            "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_ARENA_MAX");

    /** Runs {@code command} with the peer's PYTHONPATH (and {@code extraEnv}); stdout is captured. */
    static Run run(List<String> command, Map<String, String> extraEnv) throws IOException {
        Path log = Files.createTempFile("fastai4j-peer", ".log");
        Path out = Files.createTempFile("fastai4j-peer", ".out");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        if (!"1".equals(System.getenv("FASTAI4J_PEER_KEEP_ENV"))) {
            pb.environment().keySet().removeAll(OUR_ENGINE_VARIABLES);
        }
        pb.environment().put("PYTHONPATH", pythonPath());
        if (extraEnv != null) {
            pb.environment().putAll(extraEnv);
        }
        pb.redirectError(log.toFile());
        pb.redirectOutput(out.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        double peak = 0;
        try {
            while (p.isAlive()) {
                peak = Math.max(peak, Rss.treeMiB(p.toHandle()));
                p.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String stdout = Files.readString(out);
        Files.deleteIfExists(out);
        return new Run(p.exitValue(), wall, peak, stdout, log);
    }

    /** The last line of {@code text} that starts with {@code prefix}, without it; null if none. */
    static String lastLine(String text, String prefix) {
        String found = null;
        for (String l : text.split("\n")) {
            if (l.startsWith(prefix)) {
                found = l.substring(prefix.length()).trim();
            }
        }
        return found;
    }

    private static String env(String key, String def) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? def : v;
    }
}
