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
 * <p>glibc's allocator settings ({@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_})
 * can only be given before the JVM starts: the {@code bin/fastai4j} launcher sets them.
 */
public final class EngineSetup {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);
    private static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    private static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
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

    /** The intra-op thread count {@link #apply()} uses: {@code FASTAI4J_THREADS} or the cores. */
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
