package org.fastai4j.benchmarks;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.fastai4j.losses.Loss;
import org.fastai4j.optim.Optimizer;
import org.fastai4j.optim.ParamGroup;

/**
 * The bare DJL training step the benchmarks compare against: forward through a
 * {@link ParameterStore} (no copies), fastai4j's loss, backward in a {@link GradientCollector},
 * the optimizer's in-place step and zeroing the gradients; every temporary freed per step.
 */
final class BareLoop {
    private final Block model;
    private final Loss loss;
    private final Optimizer opt;
    private final NDManager manager;
    private final ParameterStore ps;

    BareLoop(Block model, Loss loss, Optimizer opt, NDManager manager) {
        this.model = model;
        this.loss = loss;
        this.opt = opt;
        this.manager = manager;
        this.ps = new ParameterStore(manager, false);
    }

    /**
     * One training step on {@code x}, {@code y}; returns the loss value. The inputs are attached to
     * the step's scope for the step (and given back after), so that every array the forward pass
     * derives from them, which DJL puts in the manager of its input, is freed with the step.
     */
    float step(NDArray x, NDArray y) {
        try (NDManager scope = manager.newSubManager()) {
            x.tempAttach(scope);
            y.tempAttach(scope);
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = model.forward(ps, new NDList(x), true);
                NDArray l = loss.forward(out.head(), y);
                l.attach(scope);
                out.attach(scope);
                gc.backward(l);
                value = l.getFloat();
            }
            opt.step();
            opt.zeroGrad();
            return value;
        }
    }

    /** One training step on batch data held in Java arrays (copied to the device, as a loader does). */
    float step(float[] x, Shape xShape, long[] y) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray xs = scope.create(x, xShape);
            NDArray ys = scope.create(y);
            return step(xs, ys);
        }
    }

    /** A synthetic batch: normal(0, 1) inputs, labels 0..classes-1, from {@code seed}. */
    static float[] inputs(Shape shape, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) shape.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static long[] labels(int n, int classes, long seed) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    /** Initializes {@code model} in {@code manager} for inputs of {@code shape}. */
    static void initialize(Block model, NDManager manager, Shape shape, long seed) {
        Engine.getInstance().setRandomSeed((int) seed);
        model.initialize(manager, DataType.FLOAT32, shape);
    }

    /** One group of the model's trainable parameters, as the Learner's default splitter gives. */
    static List<ParamGroup> groups(Block model) {
        return org.fastai4j.learner.Splitters.trainableParams(model);
    }

    static boolean gradMode() {
        return JniUtils.isGradMode();
    }
}
