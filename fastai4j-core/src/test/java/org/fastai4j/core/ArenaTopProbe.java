package org.fastai4j.core;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by {@link NativeMemoryReleaseTest} in a JVM of its own: a new thread (so, with glibc's default arena
 * limit, a malloc arena of its own) mallocs, touches and frees 48 MiB, which stays at the free top of that
 * arena; prints the resident KiB before the allocation, after the free, and after
 * {@link NativeMemory#releaseFree()} on that thread.
 */
final class ArenaTopProbe {
    private ArenaTopProbe() {}

    public static void main(String[] args) throws Exception {
        EngineSetup.apply();
        long[] out = new long[3];
        Thread t = new Thread(() -> {
            out[0] = residentKiB();
            long[] blocks = new long[12];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = Native.malloc(4 << 20);
                new Pointer(blocks[i]).setMemory(0, 4 << 20, (byte) 1);
            }
            for (int i = blocks.length - 1; i >= 0; i--) {
                Native.free(blocks[i]);
            }
            out[1] = residentKiB();
            NativeMemory.releaseFree();
            out[2] = residentKiB();
        }, "arena-top-probe");
        t.start();
        t.join();
        System.out.println(out[0] + " " + out[1] + " " + out[2]);
    }

    static long residentKiB() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
