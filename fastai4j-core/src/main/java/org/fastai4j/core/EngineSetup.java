package org.fastai4j.core;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up the PyTorch engine for training once per JVM, as {@code benchmarks/} measured fastest
 * on CPU: one inter-op thread (eager training never uses the inter-op pool; its spare threads
 * only compete with the intra-op ones) and as many intra-op threads as cores. Overrides:
 * {@code FASTAI4J_THREADS} / system property {@code fastai4j.threads} (intra-op threads), DJL's
 * own {@code ai.djl.pytorch.num_interop_threads} / {@code ai.djl.pytorch.num_threads} (which win
 * when set), and {@code FASTAI4J_ENGINE_SETUP=off} to leave the engine as DJL starts it.
 *
 * <p>On Linux with glibc it also keeps freed native memory for reuse, as the {@code bin/fastai4j}
 * launcher's {@code MALLOC_MMAP_THRESHOLD_}/{@code MALLOC_TRIM_THRESHOLD_} do (libtorch frees and
 * allocates megabytes of activations every step; returning them to the OS and faulting them back
 * in costs system time): {@code mallopt(M_MMAP_THRESHOLD, 1 GiB)} and
 * {@code mallopt(M_TRIM_THRESHOLD, 1 GiB)} through JNA (a DJL dependency), unless either variable
 * is set in the environment.
 */
public final class EngineSetup {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);
    private static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    private static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int ONE_GIB = 1 << 30;
    static final int GLIBC_DEFAULT_TRIM_THRESHOLD = 128 * 1024;
    private static volatile boolean allocatorTuned;
    /** libgomp's spins before a waiting thread sleeps (its default is 300,000): see {@link #passiveOpenMpWait()}. */
    static final String OPENMP_SPIN_COUNT = "20000";
    private static final String OS = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    /** glibc's {@code mallopt}/{@code malloc_trim} are tried on Linux only. */
    private static final boolean LINUX = OS.contains("linux");
    private static boolean applied;

    private EngineSetup() {}

    /**
     * Applies the training defaults once (later calls do nothing); safe on any engine (only the
     * PyTorch engine is tuned) and before or after the engine has loaded.
     */
    public static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        if ("off".equalsIgnoreCase(System.getenv("FASTAI4J_ENGINE_SETUP"))) {
            return;
        }
        tuneAllocator();
        passiveOpenMpWait();
        boolean interopGiven = System.getProperty(INTEROP_PROPERTY) != null;
        boolean threadsGiven = System.getProperty(THREADS_PROPERTY) != null;
        int intra = intraOpThreads();
        if (!interopGiven) {
            // read by DJL's PtEngine when it loads (if it has not yet): set before any parallel work
            System.setProperty(INTEROP_PROPERTY, "1");
        }
        Engine engine = Engine.getInstance();
        if (!"PyTorch".equals(engine.getEngineName())) {
            return;
        }
        if (!threadsGiven && JniUtils.getNumThreads() != intra) {
            JniUtils.setNumThreads(intra);
        }
        if (!interopGiven && JniUtils.getNumInteropThreads() != 1) {
            try {
                JniUtils.setNumInteropThreads(1);
            } catch (RuntimeException e) {
                // libtorch refuses once its inter-op pool has started: keep what it has
                LOG.debug("inter-op threads stay at {}: {}", JniUtils.getNumInteropThreads(), e.getMessage());
            }
        }
        LOG.debug("PyTorch engine: {} intra-op, {} inter-op threads", JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads());
    }

    /**
     * Whether the glibc allocator calls ({@code mallopt}, {@code malloc_trim}) are to be made: on Linux,
     * unless {@code FASTAI4J_ENGINE_SETUP=off}.
     */
    static boolean allocatorCallsEnabled() {
        return LINUX && !"off".equalsIgnoreCase(System.getenv("FASTAI4J_ENGINE_SETUP"));
    }

    /** The trim threshold set by the environment or by {@link #tuneAllocator()}; glibc's default otherwise. */
    static long trimThresholdInForce() {
        String env = System.getenv("MALLOC_TRIM_THRESHOLD_");
        if (env != null) {
            try {
                return Long.parseLong(env.trim());
            } catch (NumberFormatException e) {
                return GLIBC_DEFAULT_TRIM_THRESHOLD;
            }
        }
        return allocatorTuned ? ONE_GIB : GLIBC_DEFAULT_TRIM_THRESHOLD;
    }

    /** glibc's {@code mallopt} as the launcher's environment variables would set it; false if not applied. */
    static boolean tuneAllocator() {
        if (System.getenv("MALLOC_MMAP_THRESHOLD_") != null || System.getenv("MALLOC_TRIM_THRESHOLD_") != null
                || !LINUX) {
            return false;
        }
        try {
            com.sun.jna.Function mallopt = com.sun.jna.Function.getFunction("c", "mallopt");
            int mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, ONE_GIB});
            int trim = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, ONE_GIB});
            allocatorTuned = mmap == 1 && trim == 1;
            return allocatorTuned;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("mallopt not available (not glibc?): {}", e.toString());
            return false;
        }
    }

    /**
     * Makes libtorch's OpenMP threads spin only briefly, then sleep, while they wait for work
     * ({@code OMP_WAIT_POLICY=PASSIVE} with {@code GOMP_SPINCOUNT=20000}, about ten microseconds of
     * spinning), unless the user set {@code OMP_WAIT_POLICY}. libgomp reads these once, when libtorch
     * loads, so this only helps when it runs before the engine's first use; every fastai4j entry point
     * ({@link Devices#defaultDevice()}) calls {@link #apply()} first. Measured on 2 cores
     * (benchmarks/README.md): libgomp's default (300,000 spins) made a ResNet-18 step 4.5–40× slower
     * when other processes were busy; never spinning (plain PASSIVE) cost 10–20% on an idle machine;
     * 20,000 spins kept most of the idle speed (within 5% of ACTIVE) and cost 7% under contention.
     *
     * @return true if the variables were set here
     */
    static boolean passiveOpenMpWait() {
        if (System.getenv("OMP_WAIT_POLICY") != null
                || OS.contains("windows")) {
            return false;
        }
        try {
            com.sun.jna.Function setenv = com.sun.jna.Function.getFunction("c", "setenv");
            boolean policy = setenv.invokeInt(new Object[] {"OMP_WAIT_POLICY", "PASSIVE", 0}) == 0;
            // overwrite = 0: a GOMP_SPINCOUNT of the user's stays
            boolean spin = setenv.invokeInt(new Object[] {"GOMP_SPINCOUNT", OPENMP_SPIN_COUNT, 0}) == 0;
            return policy && spin;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("setenv not available: {}", e.toString());
            return false;
        }
    }

    /** {@return the intra-op thread count {@link #apply()} uses: {@code FASTAI4J_THREADS} or the cores} */
    public static int intraOpThreads() {
        String v = System.getProperty("fastai4j.threads", System.getenv("FASTAI4J_THREADS"));
        if (v != null && !v.isBlank()) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("FASTAI4J_THREADS / fastai4j.threads must be a positive integer, got '"
                    + v + "'");
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
