package org.fastai4j.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resident memory from {@code /proc} (Linux): this process's VmRSS/VmHWM, or a process tree's RSS. */
final class Rss {
    private Rss() {}

    /** This process's current resident set in MiB (VmRSS), NaN where /proc is absent. */
    static double currentMiB() {
        return field("self", "VmRSS:");
    }

    /** This process's peak resident set in MiB (VmHWM), NaN where /proc is absent. */
    static double peakMiB() {
        return field("self", "VmHWM:");
    }

    /** The summed current RSS in MiB of {@code pid} and all its descendants (0 for gone processes). */
    static double treeMiB(ProcessHandle root) {
        double sum = valueOrZero(field(Long.toString(root.pid()), "VmRSS:"));
        for (ProcessHandle h : root.descendants().toList()) {
            sum += valueOrZero(field(Long.toString(h.pid()), "VmRSS:"));
        }
        return sum;
    }

    /**
     * This process's resident kilobytes per memory mapping (start address and file or {@code [anon]}),
     * from {@code /proc/self/smaps}; empty where it is absent.
     */
    static java.util.Map<String, Long> mappingsKiB() {
        java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
        try {
            String key = null;
            for (String l : Files.readAllLines(Path.of("/proc/self/smaps"))) {
                if (l.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                    String[] p = l.trim().split("\\s+");
                    key = p[0].substring(0, p[0].indexOf('-')) + " " + (p.length > 5 ? p[5] : "[anon]");
                } else if (key != null && l.startsWith("Rss:")) {
                    out.put(key, Long.parseLong(l.substring(4).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /** The mappings whose resident size changed most from {@code before} to {@code after}, one per line. */
    static String growth(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int top) {
        java.util.Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        return keys.stream().map(k -> java.util.Map.entry(k, after.getOrDefault(k, 0L) - before.getOrDefault(k, 0L)))
                .filter(e -> e.getValue() != 0).sorted((x, y) -> Long.compare(Math.abs(y.getValue()), Math.abs(x.getValue())))
                .limit(top).map(e -> String.format("%+8d KiB  %s (%d -> %d)", e.getValue(), e.getKey(),
                        before.getOrDefault(e.getKey(), 0L), after.getOrDefault(e.getKey(), 0L)))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static double valueOrZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double field(String pid, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc", pid, "status"));
            for (String l : lines) {
                if (l.startsWith(name)) {
                    String[] parts = l.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
