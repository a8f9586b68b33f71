package org.fastai4j.vision.augment;

import java.util.SplittableRandom;

/**
 * One random function in logit space of a {@link LightingTransform} (fastai's {@code fs}): per
 * image an affine map {@code y -> y * scale + shift} of the logits.
 */
interface LogitSource {
    /** The fastai draw per image (brightness {@code b}, contrast {@code c}, ...). */
    double[] draw(int n, SplittableRandom rng);

    /** The logit-space scale for a draw. */
    double scale(double draw);

    /** The logit-space shift for a draw. */
    double shift(double draw);

    /** Distinguishes this kind's random stream from the others'. */
    long salt();

    /** A short description. */
    String describe();
}
