package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fastai4j.core.Seeds;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.losses.Losses;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * MixUp and CutMix in the loop: the mixed inputs and the mixed loss are recomputed from the seed
 * (batch k draws from {@code Seeds.derive(42, k)}: lam values, then the permutation, then for
 * CutMix the box) with fastai's formulas, and compared with what the loop saw.
 */
class MixCallbacksTest {

    /** What the probes saw in one training batch. */
    private record Seen(float[] x, long[] y, float[] mixed, float[] pred, double loss) {}

    private static double ce(float[] pred, int row, int classes, long y) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < classes; j++) {
            max = Math.max(max, pred[row * classes + j]);
        }
        double sum = 0;
        for (int j = 0; j < classes; j++) {
            sum += Math.exp(pred[row * classes + j] - max);
        }
        return max + Math.log(sum) - pred[row * classes + (int) y];
    }

    /** Probes around a mixing callback (order 0): inputs before (-1), after (1), loss after (1). */
    private static List<Seen> watch(Learner learn, org.fastai4j.learner.Callback mixer, List<float[][]> validPairs) {
        List<Seen> seen = new ArrayList<>();
        float[][] before = new float[1][];
        long[][] ys = new long[1][];
        float[][] after = new float[1][];
        Probe pre = new Probe(-1).on(Event.BEFORE_BATCH, l -> {
            before[0] = l.xb().head().toFloatArray();
            ys[0] = l.yb().head().toType(DataType.INT64, false).toLongArray();
        });
        Probe post = new Probe(1).on(Event.BEFORE_BATCH, l -> {
            after[0] = l.xb().head().toFloatArray();
            if (!l.training()) {
                validPairs.add(new float[][] {before[0], after[0]});
            }
        }).on(Event.AFTER_LOSS, l -> {
            if (l.training()) {
                seen.add(new Seen(before[0], ys[0], after[0], l.pred().toFloatArray(), l.loss().getFloat()));
            }
        });
        learn.fit(1, Lr.of(0.1), pre, mixer, post);
        return seen;
    }

    @Test
    void mixUpBlendsInputsAndLossesAsFastai() {
        try (Learner learn = SyntheticLearners.builder(21).optLossFunc(Losses.crossEntropyFlat()).build()) {
            List<float[][]> valid = new ArrayList<>();
            List<Seen> seen = watch(learn, new MixUp(), valid);
            assertThat(seen).hasSize(16);
            BetaSampler beta = new BetaSampler(0.4);
            for (int k = 0; k < seen.size(); k++) {
                Seen s = seen.get(k);
                int n = s.y().length;
                SplittableRandom r = new SplittableRandom(Seeds.derive(MixUp.DEFAULT_SEED, k));
                double[] lam = new double[n];
                for (int i = 0; i < n; i++) {
                    double b = beta.sample(r);
                    lam[i] = Math.max(b, 1 - b);
                }
                long[] perm = BetaSampler.permutation(n, r);
                double expectedLoss = 0;
                for (int i = 0; i < n; i++) {
                    int p = (int) perm[i];
                    assertThat(lam[i]).isGreaterThanOrEqualTo(0.5);
                    for (int j = 0; j < 2; j++) {
                        double start = s.x()[p * 2 + j];
                        double expected = start + lam[i] * (s.x()[i * 2 + j] - start);
                        assertThat(s.mixed()[i * 2 + j]).as("batch %d item %d", k, i).isCloseTo((float) expected, within(1e-6f));
                    }
                    double lShuffled = ce(s.pred(), i, 2, s.y()[p]);
                    double lOwn = ce(s.pred(), i, 2, s.y()[i]);
                    expectedLoss += lShuffled + lam[i] * (lOwn - lShuffled);
                }
                assertThat(s.loss()).as("mixed loss of batch %d", k).isCloseTo(expectedLoss / n, within(1e-5));
            }
            // the recorded (and back-propagated) loss is the mixed one
            assertThat(learn.recorder().rawLosses()[5]).isCloseTo(seen.get(5).loss(), within(1e-6));
            // validation is not mixed
            assertThat(valid).hasSize(4).allSatisfy(p -> assertThat(p[1]).containsExactly(p[0]));
        }
    }

    @Test
    void mixUpBlendsTheTargetsOfNonClassIndexLosses() {
        // With BCEWithLogitsLossFlat (y_int false) on one-hot targets, MixUp blends the targets
        // like the inputs: y = y[perm] + lam (y - y[perm]), and the loss is the plain loss.
        Probe oneHot = new Probe(-2).on(Event.BEFORE_BATCH,
                l -> l.setYb(new NDList(l.yb().head().oneHot(2))));
        try (Learner learn = Learner.builder(SyntheticLearners.data(23), Linear.builder().setUnits(2).build())
                .optOptFunc(TestSgd.factory()).optLossFunc(Losses.bceWithLogitsFlat()).optSilent(true)
                .addCallback(oneHot).build()) {
            List<float[]> ysBefore = new ArrayList<>();
            List<float[]> ysAfter = new ArrayList<>();
            Probe pre = new Probe(-1).on(Event.BEFORE_BATCH, l -> {
                if (l.training()) {
                    ysBefore.add(l.yb().head().toFloatArray());
                }
            });
            Probe post = new Probe(1).on(Event.BEFORE_BATCH, l -> {
                if (l.training()) {
                    ysAfter.add(l.yb().head().toFloatArray());
                }
            });
            learn.fit(1, Lr.of(0.1), pre, new MixUp(), post);
            BetaSampler beta = new BetaSampler(0.4);
            for (int k = 0; k < ysBefore.size(); k++) {
                float[] y = ysBefore.get(k);
                int n = y.length / 2;
                SplittableRandom r = new SplittableRandom(Seeds.derive(MixUp.DEFAULT_SEED, k));
                double[] lam = new double[n];
                for (int i = 0; i < n; i++) {
                    double b = beta.sample(r);
                    lam[i] = Math.max(b, 1 - b);
                }
                long[] perm = BetaSampler.permutation(n, r);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 2; j++) {
                        double start = y[(int) perm[i] * 2 + j];
                        assertThat(ysAfter.get(k)[i * 2 + j]).isCloseTo((float) (start + lam[i] * (y[i * 2 + j] - start)),
                                within(1e-6f));
                    }
                }
            }
            assertThat(ysBefore).hasSize(16);
        }
    }

    @Test
    void cutMixPastesABoxAndWeighsTheLossByTheKeptArea() {
        // Each point (a, b) becomes a 1x4x4 image: columns 0-1 hold a, columns 2-3 hold b, every
        // row alike; the model reads pixels (0,0) and (0,2).
        SequentialBlock model = new SequentialBlock()
                .add(list -> {
                    NDArray x = list.head();
                    return new NDList(x.getShape().dimension() == 4 ? x.get(":, 0, 0, ::2") : x);
                })
                .add(Linear.builder().setUnits(2).build());
        Probe toImage = new Probe(-2).on(Event.BEFORE_BATCH, l -> {
            NDArray x = l.xb().head();
            long n = x.getShape().get(0);
            NDArray img = x.repeat(1, 2).reshape(n, 1, 1, 4).repeat(2, 4);
            l.setXb(new NDList(img));
        });
        try (Learner learn = Learner.builder(SyntheticLearners.data(22), model).optOptFunc(TestSgd.factory())
                .optLossFunc(Losses.crossEntropyFlat()).optSilent(true).addCallback(toImage).build()) {
            List<float[][]> valid = new ArrayList<>();
            List<Seen> seen = watch(learn, new CutMix(), valid);
            assertThat(seen).hasSize(16);
            BetaSampler beta = new BetaSampler(1.0);
            int mixedPixels = 0;
            for (int k = 0; k < seen.size(); k++) {
                Seen s = seen.get(k);
                int n = s.y().length;
                SplittableRandom r = new SplittableRandom(Seeds.derive(MixUp.DEFAULT_SEED, k));
                double lam0 = beta.sample(r);
                long[] perm = BetaSampler.permutation(n, r);
                int[] box = Mixing.randBox(4, 4, lam0, r);
                double lam = 1 - (box[2] - box[0]) * (box[3] - box[1]) / 16.0;
                double expectedLoss = 0;
                for (int i = 0; i < n; i++) {
                    int p = (int) perm[i];
                    for (int row = 0; row < 4; row++) {
                        for (int col = 0; col < 4; col++) {
                            boolean in = row >= box[1] && row < box[3] && col >= box[0] && col < box[2];
                            int from = in ? p : i;
                            assertThat(s.mixed()[i * 16 + row * 4 + col]).isEqualTo(s.x()[from * 16 + row * 4 + col]);
                            if (in && p != i) {
                                mixedPixels++;
                            }
                        }
                    }
                    double lShuffled = ce(s.pred(), i, 2, s.y()[p]);
                    double lOwn = ce(s.pred(), i, 2, s.y()[i]);
                    expectedLoss += lShuffled + lam * (lOwn - lShuffled);
                }
                assertThat(s.loss()).as("mixed loss of batch %d", k).isCloseTo(expectedLoss / n, within(1e-5));
            }
            assertThat(mixedPixels).as("some boxes are not empty").isPositive();
            assertThat(valid).allSatisfy(p -> assertThat(p[1]).containsExactly(p[0]));
        }
    }
}
