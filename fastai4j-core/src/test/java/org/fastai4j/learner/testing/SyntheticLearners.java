package org.fastai4j.learner.testing;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.LearnerBuilder;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.optim.ParamGroup;

/**
 * TEST FIXTURE: tiny learners that train in milliseconds, for loop and callback tests. The data
 * are 2-D points in [-1, 1]², class 1 when {@code x0 + 0.5*x1 > 0}, with a margin of 0.1 around
 * the boundary (linearly separable); 256 training and 64 validation points, batch size 16 (16
 * training batches, 4 validation batches per epoch). The learners are silent and use
 * {@link TestSgd} (momentum 0.9) and {@code Metrics.accuracy()}.
 */
public final class SyntheticLearners {
    /** Training items. */
    public static final int N_TRAIN = 256;
    /** Validation items. */
    public static final int N_VALID = 64;
    /** Batch size. */
    public static final int BS = 16;

    private SyntheticLearners() {}

    /** The two loaders over seeded points. */
    public static DataLoaders data(long seed) {
        return data(seed, 0);
    }

    /**
     * The two loaders over seeded points, the label of a fraction {@code labelNoise} of the
     * training points flipped (not separable any more: a too-large learning rate diverges).
     */
    public static DataLoaders data(long seed, double labelNoise) {
        Random r = new Random(seed);
        Vocab vocab = new Vocab(List.of("neg", "pos"));
        float[][] x = new float[N_TRAIN + N_VALID][];
        long[] y = new long[x.length];
        for (int i = 0; i < x.length; i++) {
            float a;
            float b;
            do {
                a = r.nextFloat() * 2 - 1;
                b = r.nextFloat() * 2 - 1;
            } while (Math.abs(a + 0.5f * b) < 0.1f);
            x[i] = new float[] {a, b};
            y[i] = a + 0.5f * b > 0 ? 1 : 0;
        }
        for (int i = 0; i < N_TRAIN; i++) {
            if (r.nextDouble() < labelNoise) {
                y[i] = 1 - y[i];
            }
        }
        float[][] xt = java.util.Arrays.copyOfRange(x, 0, N_TRAIN);
        long[] yt = java.util.Arrays.copyOfRange(y, 0, N_TRAIN);
        float[][] xv = java.util.Arrays.copyOfRange(x, N_TRAIN, x.length);
        long[] yv = java.util.Arrays.copyOfRange(y, N_TRAIN, y.length);
        return new DataLoaders(new ArrayDataLoader(xt, yt, BS, true, seed, vocab),
                new ArrayDataLoader(xv, yv, BS, false, seed, vocab));
    }

    /** A builder for a linear classifier (one {@code Linear(2)} layer), silent, seeded. */
    public static LearnerBuilder builder(long seed) {
        Block model = Linear.builder().setUnits(2).build();
        return Learner.builder(data(seed), model).optOptFunc(TestSgd.factory()).addMetric(Metrics.accuracy())
                .optSeed(seed).optSilent(true);
    }

    /** A builder for a linear classifier on data with {@code labelNoise} flipped training labels. */
    public static LearnerBuilder noisyBuilder(long seed, double labelNoise) {
        Block model = Linear.builder().setUnits(2).build();
        return Learner.builder(data(seed, labelNoise), model).optOptFunc(TestSgd.factory())
                .addMetric(Metrics.accuracy()).optSeed(seed).optSilent(true);
    }

    /** A silent linear classifier learner. */
    public static Learner linear(long seed) {
        return builder(seed).build();
    }

    /**
     * A builder for a two-layer model ({@code Linear(8)}, ReLU, {@code Linear(2)}) split into two
     * parameter groups, body and head, for freeze and discriminative-lr tests.
     */
    public static LearnerBuilder twoGroupBuilder(long seed) {
        SequentialBlock model = new SequentialBlock()
                .add(Linear.builder().setUnits(8).build())
                .add(ai.djl.nn.Activation::relu)
                .add(Linear.builder().setUnits(2).build());
        return Learner.builder(data(seed), model).optOptFunc(TestSgd.factory()).addMetric(Metrics.accuracy())
                .optSeed(seed).optSilent(true).optSplitter(SyntheticLearners::bodyHead);
    }

    /** Splits a sequential block: all children but the last are the body, the last is the head. */
    public static List<ParamGroup> bodyHead(Block model) {
        List<Pair<String, Block>> children = model.getChildren().stream().toList();
        List<Parameter> body = new ArrayList<>();
        for (int i = 0; i < children.size() - 1; i++) {
            children.get(i).getValue().getParameters().forEach(p -> body.add(p.getValue()));
        }
        List<Parameter> head = new ArrayList<>();
        children.get(children.size() - 1).getValue().getParameters().forEach(p -> head.add(p.getValue()));
        return List.of(new ParamGroup("body", body), new ParamGroup("head", head));
    }
}
