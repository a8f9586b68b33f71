package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * One random coordinate transform of an {@link AffineCoordTransform} (fastai's {@code
 * coord_fs}), applied to the sampling grid after the affine matrix.
 */
interface CoordSource {
    /** Draws this batch's parameters: one row per image (what a row holds is the source's own). */
    double[][] draw(int n, SplittableRandom rng);

    /**
     * Maps a grid N&times;P&times;2 (x, y) with the drawn parameters; arrays it creates belong to
     * the grid's manager.
     */
    NDArray apply(NDArray grid, double[][] params);

    /**
     * The same map on a host grid N&times;P&times;2 (x, y), for the CPU path; may return {@code
     * grid} itself (unchanged, or changed in place).
     */
    float[] apply(float[] grid, int p, double[][] params);

    /** Distinguishes this kind's random stream from the others'. */
    long salt();

    /** A short description. */
    String describe();
}
