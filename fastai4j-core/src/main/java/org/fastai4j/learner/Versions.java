package org.fastai4j.learner;

import ai.djl.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions recorded in checkpoints and exports: fastai4j (the jar's implementation version,
 * {@code "dev"} when run from classes), DJL, the engine and its version, and Java.
 */
public final class Versions {
    private Versions() {}

    /** {@return fastai4j's version (the jar's implementation version), or {@code "dev"} outside a packaged jar} */
    public static String library() {
        String v = Learner.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Every version, by key: {@code fastai4j}, {@code djl}, {@code engine}, {@code engine_version}, {@code java}.
     *
     * @return a new map in that key order; values are as the libraries report them (e.g. engine {@code "PyTorch"})
     */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("fastai4j", library());
        m.put("djl", String.valueOf(Engine.getDjlVersion()));
        Engine e = Engine.getInstance();
        m.put("engine", e.getEngineName());
        m.put("engine_version", e.getVersion());
        m.put("java", System.getProperty("java.version"));
        return m;
    }
}
