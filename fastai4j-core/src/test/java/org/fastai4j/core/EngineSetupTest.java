package org.fastai4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
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
}
