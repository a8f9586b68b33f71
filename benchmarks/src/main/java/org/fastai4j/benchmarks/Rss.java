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
