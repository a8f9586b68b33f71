package org.fastai4j.data;

import ai.djl.Device;

/**
 * How {@link DataBlock#dataloaders} builds its loaders: batch size, workers, prefetch, seed,
 * device, and whether undecodable items are skipped.
 *
 * @param bs the batch size (fastai's default 64)
 * @param workers worker threads per loader (default min(cores, 4); 0 = consumer thread)
 * @param prefetch batches loaded ahead (default 3)
 * @param seed the run seed for shuffling and item/batch randomness (default 42)
 * @param device the device of the batches, or null for {@code Devices.defaultDevice()}
 * @param skipBad check every input when building and skip the bad ones with one warning
 */
public record LoaderOptions(int bs, int workers, int prefetch, long seed, Device device,
        boolean skipBad) {

    /**
     * Validates the numbers.
     *
     * @param bs the batch size (fastai's default 64)
     * @param workers worker threads per loader (default min(cores, 4); 0 = consumer thread)
     * @param prefetch batches loaded ahead (default 3)
     * @param seed the run seed for shuffling and item/batch randomness (default 42)
     * @param device the device of the batches, or null for {@code Devices.defaultDevice()}
     * @param skipBad check every input when building and skip the bad ones with one warning
     */
    public LoaderOptions {
        check(bs, workers, prefetch);
    }

    /** Throws IllegalArgumentException naming the first of bs, workers, prefetch out of range. */
    static void check(int bs, int workers, int prefetch) {
        if (bs < 1) {
            throw new IllegalArgumentException("bs must be at least 1, got " + bs);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be 0 or more, got " + workers);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, got " + prefetch);
        }
    }

    /** {@return the defaults: bs 64, min(cores, 4) workers, prefetch 3, seed 42, default device} */
    public static LoaderOptions defaults() {
        return new LoaderOptions(64, Math.min(Runtime.getRuntime().availableProcessors(), 4), 3,
                42, null, false);
    }

    /**
     * {@return a copy with batch size {@code bs}}
     *
     * @param bs the batch size, >= 1
     */
    public LoaderOptions withBs(int bs) {
        return new LoaderOptions(bs, workers, prefetch, seed, device, skipBad);
    }

    /**
     * {@return a copy with {@code workers} worker threads}
     *
     * @param workers the number of worker threads, >= 0
     */
    public LoaderOptions withWorkers(int workers) {
        return new LoaderOptions(bs, workers, prefetch, seed, device, skipBad);
    }

    /**
     * {@return a copy with seed {@code seed}}
     *
     * @param seed the run seed
     */
    public LoaderOptions withSeed(long seed) {
        return new LoaderOptions(bs, workers, prefetch, seed, device, skipBad);
    }

    /**
     * {@return a copy with device {@code device}}
     *
     * @param device the device, or null for the default one
     */
    public LoaderOptions withDevice(Device device) {
        return new LoaderOptions(bs, workers, prefetch, seed, device, skipBad);
    }

    /**
     * {@return a copy with skipBad set}
     *
     * @param skipBad whether undecodable items are skipped
     */
    public LoaderOptions withSkipBad(boolean skipBad) {
        return new LoaderOptions(bs, workers, prefetch, seed, device, skipBad);
    }

    /**
     * {@return a copy with {@code prefetch} batches ahead}
     *
     * @param prefetch the number of batches loaded ahead, >= 1
     */
    public LoaderOptions withPrefetch(int prefetch) {
        return new LoaderOptions(bs, workers, prefetch, seed, device, skipBad);
    }
}
