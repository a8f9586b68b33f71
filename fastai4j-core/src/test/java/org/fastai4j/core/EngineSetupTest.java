package org.fastai4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

class EngineSetupTest {

    @Test
    void appliesIntraOpThreadsOnceAndIsIdempotent() {
        EngineSetup.apply();
        int threads = JniUtils.getNumThreads();
        // unless DJL's own property was given, the intra-op pool has FASTAI4J_THREADS or one thread per core
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            assertThat(threads).isEqualTo(EngineSetup.intraOpThreads());
        }
        EngineSetup.apply();
        assertThat(JniUtils.getNumThreads()).isEqualTo(threads);
    }

    @Test
    void defaultThreadCountIsTheCoreCount() {
        if (System.getenv("FASTAI4J_THREADS") == null && System.getProperty("fastai4j.threads") == null) {
            assertThat(EngineSetup.intraOpThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * The learner calls releaseFreeNativeMemory after every epoch so that freed activations go back to the
     * OS instead of staying resident under the raised trim threshold: 32 MiB malloc'd and freed must be
     * handed back (malloc_trim reports 1).
     */
    @Test
    void freedNativeMemoryIsReturnedToTheSystemOnGlibc() {
        assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
                "malloc_trim is glibc's (Linux only)");
        assumeTrue(System.getenv("MALLOC_MMAP_THRESHOLD_") == null && System.getenv("FASTAI4J_ENGINE_SETUP") == null,
                "allocator settings come from the environment");
        EngineSetup.apply();
        long[] blocks = new long[8];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = Native.malloc(4 << 20);
            new com.sun.jna.Pointer(blocks[i]).setMemory(0, 4 << 20, (byte) 1);
        }
        for (long b : blocks) {
            Native.free(b);
        }
        assertThat(EngineSetup.releaseFreeNativeMemory()).isTrue();
    }
}
