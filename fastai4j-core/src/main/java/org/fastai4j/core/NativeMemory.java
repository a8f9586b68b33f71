package org.fastai4j.core;

import com.sun.jna.Function;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives native memory back during a long run, so that its resident memory stays flat from epoch to
 * epoch (issue 4; benchmarks/README.md, "memory"). Two things hold native memory that nothing uses:
 * <ul>
 *   <li>Java objects that own native memory and are freed only when the garbage collector finds them
 *       unreachable: an OpenCV {@code Mat}'s header is deleted by its finalizer, even after
 *       {@code release()} freed its pixels (the image loader keeps it to one per decoded image, about
 *       100 bytes);
 *   <li>glibc's allocator: with the raised trim threshold of {@link EngineSetup} every arena keeps the
 *       pages libtorch's activations once used.
 * </ul>
 * The learner calls {@link #reclaimAfterEpoch()} after every epoch. Does nothing off Linux/glibc or with
 * {@code FASTAI4J_ENGINE_SETUP=off}.
 */
public final class NativeMemory {
    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    /** An explicit collection may take at most this share of the time since the previous one. */
    private static final double GC_TIME_SHARE = 0.02;
    /** At least 64 KiB (glibc's FASTBIN_CONSOLIDATION_THRESHOLD), below glibc's default mmap threshold. */
    private static final int TRIGGER_BLOCK = 96 * 1024;
    private static long lastCollectionEnd = Long.MIN_VALUE;
    private static long lastCollectionNanos;

    private NativeMemory() {}

    /**
     * After an epoch: runs the garbage collector (so that the finalizers and cleaners of unreachable
     * objects free their native memory) when that costs at most 2% of the time since the last such
     * collection, then {@link #releaseFree()}.
     *
     * @return true if memory was returned to the operating system
     */
    public static boolean reclaimAfterEpoch() {
        if (!EngineSetup.allocatorCallsEnabled()) {
            return false;
        }
        collectIfCheap();
        return releaseFree();
    }

    private static synchronized void collectIfCheap() {
        long now = System.nanoTime();
        if (lastCollectionEnd != Long.MIN_VALUE && (now - lastCollectionEnd) * GC_TIME_SHARE < lastCollectionNanos) {
            return;
        }
        // no System.runFinalization(): a finalizer that blocks would stop training; the finalizer
        // thread frees what this collection found, and the next epoch's trim returns those pages
        System.gc();
        lastCollectionEnd = System.nanoTime();
        lastCollectionNanos = lastCollectionEnd - now;
        LOG.debug("garbage collection for native memory: {} ms", lastCollectionNanos / 1_000_000);
    }

    /**
     * Hands the native memory that is free but still held by glibc's allocator back to the operating
     * system: {@code malloc_trim(0)} (the free pages inside every arena) and the free top of the calling
     * thread's arena, which {@code malloc_trim} leaves resident in every arena but the main one (glibc
     * 2.36 shrinks a thread arena's top only when a free finds it larger than the trim threshold). For
     * that the threshold goes back to glibc's default for a moment, one free of a 96 KiB block makes
     * glibc trim this thread's arena, and the raised threshold is restored. The training thread's arena
     * holds libtorch's activations: its top swung by 20-40 MiB from epoch to epoch before this. Takes
     * about a millisecond.
     *
     * @return true if memory was returned to the operating system
     */
    public static boolean releaseFree() {
        if (!EngineSetup.allocatorCallsEnabled()) {
            return false;
        }
        try {
            boolean topTrimmed = trimThisThreadsArenaTop();
            return Function.getFunction("c", "malloc_trim").invokeInt(new Object[] {0}) == 1 || topTrimmed;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("malloc_trim not available (not glibc?): {}", e.toString());
            return false;
        }
    }

    private static synchronized boolean trimThisThreadsArenaTop() {
        long raised = EngineSetup.trimThresholdInForce();
        if (raised <= EngineSetup.GLIBC_DEFAULT_TRIM_THRESHOLD) {
            return false; // glibc trims the tops itself
        }
        Function mallopt = Function.getFunction("c", "mallopt");
        if (mallopt.invokeInt(new Object[] {EngineSetup.M_TRIM_THRESHOLD, EngineSetup.GLIBC_DEFAULT_TRIM_THRESHOLD}) != 1) {
            return false;
        }
        try {
            long block = Native.malloc(TRIGGER_BLOCK);
            if (block != 0) {
                Native.free(block);
            }
        } finally {
            mallopt.invokeInt(new Object[] {EngineSetup.M_TRIM_THRESHOLD, (int) Math.min(Integer.MAX_VALUE, raised)});
        }
        return true;
    }
}
