package org.fastai4j.vision.image;

/** Loads OpenCV's native library (bundled by {@code org.openpnp:opencv}) once per JVM. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {}

    /** Loads the native library if not yet loaded; safe to call from any thread. */
    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
