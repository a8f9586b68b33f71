package org.fastai4j.benchmarks;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.EngineSetup;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;
import org.fastai4j.losses.Losses;
import org.fastai4j.optim.Optimizer;
import org.fastai4j.optim.Optimizers;
import org.fastai4j.vision.models.ResNets;

/**
 * Step overhead: fastai4j's {@link Learner} ({@code fitOneCycle}, default callbacks: train/eval,
 * Recorder, one-cycle scheduler; no progress bar unless {@code --progress}) against a bare DJL
 * loop (forward, the same loss, backward, the same in-place Adam step, zeroing), on the same
 * model and the same in-memory batches (each copied to a new NDArray per step on both sides).
 * Rounds alternate between the two; the figure is the ratio of the best per-step times.
 * Options: {@code --bs 128 --size 28 --steps 20 --rounds 3 --model resnet18|small --progress --out FILE}.
 */
public final class StepOverhead {
    private StepOverhead() {}

    /** Times the training phase of each epoch. */
    static final class TrainTimer implements Callback {
        final List<Double> perStepMs = new ArrayList<>();
        private long start;

        @Override
        public void beforeTrain(Learner learn) {
            start = System.nanoTime();
        }

        @Override
        public void afterTrain(Learner learn) {
            perStepMs.add((System.nanoTime() - start) / 1e6 / learn.nIter());
        }
    }

    /**
     * Runs the benchmark: one warm-up epoch and 3 warm-up bare steps, then {@code --rounds} rounds of
     * {@code --steps} bare steps followed by one Learner epoch of as many steps. Reports the best and
     * median milliseconds per step of each and the overhead ratio (Learner / bare, best of the
     * rounds; 1.0 means no overhead).
     * Prints a one-line summary and a {@code JSON} line on standard output; with {@code --out FILE}
     * also writes the JSON, pretty-printed, to {@code FILE} (temp file + rename).
     *
     * @param argv the options listed in the class comment, as {@code --key value} or
     *     {@code --key=value}; a lone {@code --progress} shows the progress bar
     * @throws IllegalArgumentException if an option is not {@code --key} or a number does not parse
     * @throws Exception if training or writing the result fails
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        int bs = a.integer("bs", 128);
        int size = a.integer("size", 28);
        int steps = a.integer("steps", 20);
        int rounds = a.integer("rounds", 3);
        String modelName = a.str("model", "resnet18");
        EngineSetup.apply();
        Shape shape = new Shape(bs, 3, size, size);
        MemoryLoader train = MemoryLoader.synthetic(shape, 10, 4, steps, true, 1);
        MemoryLoader valid = MemoryLoader.synthetic(new Shape(8, 3, size, size), 10, 1, 1, false, 99);
        Block model = "small".equals(modelName) ? SmallNet.create(10) : ResNets.resnet18(10);
        TrainTimer timer = new TrainTimer();
        List<Double> bare = new ArrayList<>();
        try (Learner learn = Learner.builder(new DataLoaders(train, valid), model).optOptFunc(Optimizers.adam())
                .optLossFunc(Losses.crossEntropyFlat()).optSilent(!a.flag("progress")).addCallback(timer).build();
                NDManager bareManager = learn.manager().newSubManager()) {
            Optimizer opt = Optimizers.adam().create(BareLoop.groups(learn.model()), bareManager.newSubManager());
            BareLoop loop = new BareLoop(learn.model(), Losses.crossEntropyFlat(), opt, bareManager);
            // warm-up both paths
            learn.fitOneCycle(1, 1e-3);
            for (int i = 0; i < 3; i++) {
                loop.step(train.x(i), shape, train.y(i));
            }
            timer.perStepMs.clear();
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    loop.step(train.x(i), shape, train.y(i));
                }
                bare.add((System.nanoTime() - t0) / 1e6 / steps);
                learn.fitOneCycle(1, 1e-3);
            }
        }
        double[] b = bare.stream().mapToDouble(Double::doubleValue).toArray();
        double[] l = timer.perStepMs.stream().mapToDouble(Double::doubleValue).toArray();
        double ratio = Stats.min(l) / Stats.min(b);
        BenchResult r = new BenchResult("overhead");
        r.put("model", modelName).put("bs", bs).put("input", "3x" + size + "x" + size).put("steps_per_round", steps)
                .put("bare_step_ms_per_round", bare).put("learner_step_ms_per_round", timer.perStepMs)
                .put("bare_step_ms", Stats.min(b)).put("learner_step_ms", Stats.min(l))
                .put("overhead_ratio", ratio).put("overhead_ratio_median", Stats.median(l) / Stats.median(b));
        r.print(String.format("Learner %.1f ms/step, bare DJL loop %.1f ms/step: overhead %+.1f%% (best of %d rounds)",
                Stats.min(l), Stats.min(b), (ratio - 1) * 100, rounds), a.str("out", null));
    }
}
