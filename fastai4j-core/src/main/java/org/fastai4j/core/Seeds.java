package org.fastai4j.core;

/**
 * Derives independent, reproducible seeds (SplitMix64), so that the randomness of an item or a
 * batch depends only on the run seed, the epoch and the index, never on thread timing.
 */
public final class Seeds {
    private Seeds() {}

    /**
     * One SplitMix64 step: a well-mixed 64-bit value from {@code x}.
     *
     * @param x any 64-bit value (a seed, an index)
     * @return the SplitMix64 output for state {@code x}: the golden-ratio increment added, then
     *     the finalizer's xor-shift-multiply rounds; nearby inputs give unrelated outputs
     */
    public static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Derives a child seed; the same arguments always give the same seed, and different index
     * paths give independent ones.
     *
     * @param seed the parent seed (the run seed, or a seed derived from it)
     * @param indices the path below the parent, in order, e.g. epoch then item index; none returns
     *     {@code mix(seed)}
     * @return a seed derived from a parent seed and the indices (order matters)
     */
    public static long derive(long seed, long... indices) {
        long s = mix(seed);
        for (long i : indices) {
            s = mix(s ^ mix(i));
        }
        return s;
    }
}
