package org.fastai4j.callback;

import java.util.SplittableRandom;

/**
 * Samples of the symmetric Beta(alpha, alpha) distribution (fastai's {@code
 * torch.distributions.Beta(alpha, alpha)}), as {@code X / (X + Y)} with X, Y ~ Gamma(alpha, 1)
 * drawn by Marsaglia and Tsang's method (with the {@code U^(1/alpha)} boost for alpha below 1).
 */
final class BetaSampler {

    private final double alpha;

    BetaSampler(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    double alpha() {
        return alpha;
    }

    /** One Beta(alpha, alpha) sample. */
    double sample(SplittableRandom random) {
        double x = gamma(alpha, random);
        double y = gamma(alpha, random);
        double s = x + y;
        return s == 0 ? 0.5 : x / s;
    }

    private static double gamma(double shape, SplittableRandom random) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = gaussian(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** A uniform random permutation of {@code 0..n-1} (Fisher-Yates), torch's {@code randperm}. */
    static long[] permutation(int n, SplittableRandom random) {
        long[] p = new long[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
