package org.fastai4j.vision.augment;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Per-image random draws as fastai's {@code _draw_mask}/{@code mask_tensor}: each image keeps its
 * draw with probability {@code p}, else gets the neutral value; with {@code batch} one draw (and
 * one coin) serves the whole batch.
 */
final class Draws {
    private Draws() {}

    /** A uniform draw in [lo, hi). */
    static double uniform(SplittableRandom rng, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * rng.nextDouble();
    }

    /**
     * {@code n} values: each {@code draw(rng)} with probability {@code p}, else {@code neutral}.
     * The value is drawn before the coin for every image, so the stream stays aligned.
     */
    static double[] masked(SplittableRandom rng, int n, boolean batch, double p, double neutral,
            ToDoubleFunction<SplittableRandom> draw) {
        double[] r = new double[n];
        int distinct = batch ? Math.min(n, 1) : n;
        for (int i = 0; i < distinct; i++) {
            double v = draw.applyAsDouble(rng);
            boolean keep = p >= 1.0 || rng.nextDouble() < p;
            r[i] = keep ? v : neutral;
        }
        for (int i = distinct; i < n; i++) {
            r[i] = r[0];
        }
        return r;
    }

    /** {@code n} plain draws (no coin), one for the whole batch when {@code batch}. */
    static double[] plain(SplittableRandom rng, int n, boolean batch,
            ToDoubleFunction<SplittableRandom> draw) {
        return masked(rng, n, batch, 1.0, 0.0, draw);
    }

    /** Checks a probability, naming the parameter. */
    static double probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
        return p;
    }
}
