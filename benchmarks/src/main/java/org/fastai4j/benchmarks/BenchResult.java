package org.fastai4j.benchmarks;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A benchmark's figures, in insertion order: printed as one line for people and one
 * {@code JSON {...}} line for machines, and optionally written to a file (temp file + rename).
 */
final class BenchResult {
    private final String name;
    private final Map<String, Object> values = new LinkedHashMap<>();

    BenchResult(String name) {
        this.name = name;
        values.put("benchmark", name);
        values.put("cores", Runtime.getRuntime().availableProcessors());
        values.put("load_average_1m", loadAverage());
    }

    BenchResult put(String key, Object value) {
        if (value instanceof Double d) {
            value = Math.round(d * 10000.0) / 10000.0;
        }
        values.put(key, value);
        return this;
    }

    Object get(String key) {
        return values.get(key);
    }

    String json() {
        return new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(values);
    }

    /** Prints the people's line then the JSON line; writes the JSON to {@code out} when not null. */
    void print(String humanLine, String out) throws IOException {
        System.out.println(name + ": " + humanLine);
        System.out.println("JSON " + json());
        if (out != null) {
            Path target = Path.of(out).toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".bench", ".tmp");
            Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .create().toJson(values) + "\n");
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static double loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg")).trim();
            return Double.parseDouble(s.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
