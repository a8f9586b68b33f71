package org.fastai4j.vision.image;

/**
 * Loads OpenCV's native library (bundled by {@code org.openpnp:opencv}) once per JVM, and makes
 * OpenCV's own functions single-threaded: the loader's worker threads are the parallelism, and
 * OpenCV threads inside each worker would only oversubscribe the cores.
 */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {}

    /** Loads the native library if not yet loaded; safe to call from any thread. */
    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    org.opencv.core.Core.setNumThreads(1);
                    loaded = true;
                }
            }
        }
    }
}
