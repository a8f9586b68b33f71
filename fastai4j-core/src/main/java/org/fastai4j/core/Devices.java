package org.fastai4j.core;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The device fastai4j computes on: the engine's default (the first GPU when CUDA natives and a
 * GPU are present, else the CPU), unless {@code FASTAI4J_DEVICE} (e.g. {@code cpu}, {@code gpu0})
 * says otherwise. The first call sets the engine up for training ({@link EngineSetup#apply()}).
 */
public final class Devices {
    private Devices() {}

    /** The default device for models and batches. */
    public static Device defaultDevice() {
        EngineSetup.apply();
        String env = System.getenv("FASTAI4J_DEVICE");
        if (env != null && !env.isBlank()) {
            return Device.fromName(env.trim());
        }
        return Engine.getInstance().defaultDevice();
    }
}
