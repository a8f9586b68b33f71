package org.fastai4j.core;

/**
 * Derives independent, reproducible seeds (SplitMix64), so that the randomness of an item or a
 * batch depends only on the run seed, the epoch and the index, never on thread timing.
 */
public final class Seeds {
    private Seeds() {}

    /** One SplitMix64 step: a well-mixed 64-bit value from {@code x}. */
    public static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** {@return a seed derived from a parent seed and any number of indices (epoch, item, ...)} */
    public static long derive(long seed, long... indices) {
        long s = mix(seed);
        for (long i : indices) {
            s = mix(s ^ mix(i));
        }
        return s;
    }
}
