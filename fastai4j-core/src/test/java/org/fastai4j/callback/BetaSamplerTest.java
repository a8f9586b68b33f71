package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Beta(a, a) moments and permutations, on a fixed seed. */
class BetaSamplerTest {

    @Test
    void momentsOfSymmetricBeta() {
        // Beta(a, a): mean 1/2, variance 1 / (4 (2a + 1)). a = 0.4 -> 0.13889; a = 1 (uniform) -> 1/12.
        for (double a : new double[] {0.4, 1.0, 3.0}) {
            BetaSampler beta = new BetaSampler(a);
            SplittableRandom r = new SplittableRandom(7);
            int n = 40_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double x = beta.sample(r);
                assertThat(x).isBetween(0.0, 1.0);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / n;
            double var = sumSq / n - mean * mean;
            assertThat(mean).as("mean for alpha %s", a).isCloseTo(0.5, within(0.01));
            assertThat(var).as("variance for alpha %s", a).isCloseTo(1 / (4 * (2 * a + 1)), within(0.005));
        }
    }

    @Test
    void permutationHasEveryIndexOnceAndDependsOnTheSeed() {
        long[] p = BetaSampler.permutation(10, new SplittableRandom(1));
        long[] sorted = p.clone();
        Arrays.sort(sorted);
        assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(BetaSampler.permutation(10, new SplittableRandom(1))).containsExactly(p);
        assertThat(BetaSampler.permutation(10, new SplittableRandom(2))).isNotEqualTo(p);
    }
}
