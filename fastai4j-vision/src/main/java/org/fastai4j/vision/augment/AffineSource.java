package org.fastai4j.vision.augment;

import java.util.SplittableRandom;

/**
 * One random affine component of an {@link AffineCoordTransform} (fastai's {@code aff_fs}): draws
 * one 3&times;3 matrix per image, row-major, in normalized coordinates (before fastai's
 * {@code _prepare_mat} aspect correction).
 */
interface AffineSource {
    /** The matrices for {@code n} images, each a row-major {@code double[9]}. */
    double[][] draw(int n, SplittableRandom rng);

    /** Distinguishes this kind's random stream from the others' (see {@link AffineCoordTransform}). */
    long salt();

    /** A short description, e.g. {@code Rotate(maxDeg=10, p=0.75)}. */
    String describe();

    /** A row-major 3x3 matrix with last row (0, 0, 1). */
    static double[] affine(double a, double b, double c, double d, double e, double f) {
        return new double[] {a, b, c, d, e, f, 0, 0, 1};
    }
}
