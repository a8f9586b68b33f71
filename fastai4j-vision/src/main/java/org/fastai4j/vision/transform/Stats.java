package org.fastai4j.vision.transform;

/**
 * Per-channel mean and standard deviation for {@link Normalize}.
 *
 * @param mean the channel means
 * @param std the channel standard deviations
 */
public record Stats(float[] mean, float[] std) {
    /** fastai's {@code imagenet_stats}. */
    public static final Stats IMAGENET = new Stats(new float[] {0.485f, 0.456f, 0.406f},
            new float[] {0.229f, 0.224f, 0.225f});

    /**
     * Checks the lengths match and no std is zero; copies the arrays.
     *
     * @param mean the channel means
     * @param std the channel standard deviations
     */
    public Stats {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("mean and std need the same, non-zero length, got "
                    + mean.length + " and " + std.length);
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + s);
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * A copy of the channel means.
     *
     * @return a copy of the channel means
     */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /**
     * A copy of the channel standard deviations.
     *
     * @return a copy of the channel standard deviations
     */
    @Override
    public float[] std() {
        return std.clone();
    }
}
