package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.ArrayDataLoader;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 14: native memory over a long run. A small model (Linear(8), ReLU, Linear(2);
 * the default Adam and cross-entropy) trains {@code STEPS} steps of batch size 4, 50 steps per
 * epoch: the live NDArrays of the learner's manager are the same after every training step, and
 * the same after every epoch (also counted engine-wide); the resident set size ({@code VmRSS})
 * after the last epoch exceeds the one after warm-up (the first quarter of the run) by less than
 * 1%.
 *
 * <p>{@code mvn verify} runs 400 steps (about 20 s on a loaded 2-core machine); the 10,000-step run is
 * {@code ./mvnw -o test -pl fastai4j-core -Dtest=LongRunMemoryTest -Dfastai4j.longRun.steps=10000}.
 */
class LongRunMemoryTest {
    static final int STEPS = Integer.getInteger("fastai4j.longRun.steps", 400);
    static final int BS = 4;
    static final int STEPS_PER_EPOCH = 50;

    static ArrayDataLoader loader(int n, boolean training, long seed, Vocab vocab) {
        Random r = new Random(seed);
        float[][] x = new float[n][2];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextFloat() * 2 - 1;
            x[i][1] = r.nextFloat() * 2 - 1;
            y[i] = x[i][0] + 0.5f * x[i][1] > 0 ? 1 : 0;
        }
        return new ArrayDataLoader(x, y, BS, training, seed, vocab);
    }

    /** VmRSS of this process in kB, or -1 without /proc. */
    static long rssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    @Test
    void liveArraysConstantAndResidentMemoryFlatOverALongRun() throws Exception {
        assertThat(STEPS % STEPS_PER_EPOCH).isZero();
        int epochs = STEPS / STEPS_PER_EPOCH;
        int warmEpochs = Math.max(1, epochs / 4);
        Vocab vocab = new Vocab(List.of("neg", "pos"));
        DataLoaders dls = new DataLoaders(loader(STEPS_PER_EPOCH * BS, true, 14, vocab),
                loader(BS, false, 15, vocab));
        SequentialBlock model = new SequentialBlock().add(Linear.builder().setUnits(8).build())
                .add(Activation::relu).add(Linear.builder().setUnits(2).build());
        List<Integer> perStep = new ArrayList<>();
        List<Integer> perEpoch = new ArrayList<>();
        List<Integer> perEpochEngine = new ArrayList<>();
        long[] rss = {-1, -1};
        Callback count = new Callback() {
            @Override
            public void afterBatch(Learner learn) {
                if (learn.training()) {
                    perStep.add(learn.manager().getManagedArrays().size());
                }
            }

            @Override
            public void afterEpoch(Learner learn) {
                perEpoch.add(learn.manager().getManagedArrays().size());
                perEpochEngine.add(LiveArrays.engineWide());
                try {
                    if (learn.epoch() == warmEpochs - 1) {
                        System.gc();
                        rss[0] = rssKb();
                    } else if (learn.epoch() == learn.nEpoch() - 1) {
                        System.gc();
                        rss[1] = rssKb();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (Learner learn = Learner.builder(dls, model).optSilent(true).optSeed(14).build()) {
            learn.fit(epochs, Lr.of(1e-3), count);
            assertThat(learn.recorder().losses()).hasSize(STEPS);
        }
        assertThat(perStep).hasSize(STEPS);
        // step 1 creates Adam's state; from step 2 on nothing may accumulate
        assertThat(perStep.subList(1, STEPS)).as("live arrays after each training step").containsOnly(perStep.get(1));
        assertThat(perEpoch).as("live arrays after each epoch").containsOnly(perEpoch.get(0));
        assertThat(perEpochEngine).as("engine-wide live arrays after each epoch").containsOnly(perEpochEngine.get(0));
        System.out.printf("LongRunMemoryTest: %d steps, live arrays %d per step, VmRSS %d kB after warm-up, %d kB at"
                + " the end (%+.3f%%)%n", STEPS, perStep.get(1), rss[0], rss[1], 100.0 * (rss[1] - rss[0]) / rss[0]);
        assumeTrue(rss[0] > 0 && rss[1] > 0, "no /proc/self/status: the resident-memory check is skipped");
        assertThat((double) rss[1]).as("VmRSS at the end (kB) vs after warm-up (%d kB)", rss[0])
                .isLessThan(rss[0] * 1.01);
    }
}
