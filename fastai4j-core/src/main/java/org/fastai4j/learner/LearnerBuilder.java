package org.fastai4j.learner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.losses.Loss;
import org.fastai4j.losses.Losses;
import org.fastai4j.metrics.Metric;
import org.fastai4j.optim.OptimizerFactory;
import org.fastai4j.optim.Optimizers;
import org.fastai4j.optim.ParamGroup;

/**
 * Builds a {@link Learner} (DJL builder style): {@code optX} for optional values, {@code addX}
 * for lists; {@link #build()} validates, naming the bad field. Defaults are fastai's: loss from
 * the data (cross-entropy for a categorical target), Adam, one parameter group, weight decay
 * left to the optimizer, no weight decay on normalization and bias parameters, frozen
 * normalization layers still trained, default callbacks [{@link TrainEvalCallback},
 * {@link Recorder}, {@link ProgressCallback}] (no progress output when silent).
 */
public final class LearnerBuilder {
    /**
     * fastai's {@code defaults.callbacks}: each learner gets a fresh instance of each (the
     * {@link ProgressCallback} is left out when silent). Immutable.
     */
    public static final List<Supplier<Callback>> DEFAULT_CALLBACKS =
            List.of(TrainEvalCallback::new, Recorder::new, ProgressCallback::new);

    final DataLoaders dls;
    final Block model;
    Loss lossFunc;
    OptimizerFactory optFunc;
    final List<Metric> metrics = new ArrayList<>();
    Function<Block, List<ParamGroup>> splitter = Splitters::trainableParams;
    final List<Callback> callbacks = new ArrayList<>();
    Path path = Path.of(".");
    String modelDir = "models";
    Double wd;
    boolean wdBnBias;
    boolean trainBn = true;
    Long seed;
    boolean silent;
    boolean defaultCallbacks = true;
    double lr = 1e-3;
    double[] moms = {0.95, 0.85, 0.95};

    LearnerBuilder(DataLoaders dls, Block model) {
        this.dls = dls;
        this.model = model;
    }

    /** The loss (default: inferred from the data). */
    public LearnerBuilder optLossFunc(Loss loss) { this.lossFunc = loss; return this; }
    /** The optimizer factory (default: Adam). */
    public LearnerBuilder optOptFunc(OptimizerFactory optFunc) { this.optFunc = optFunc; return this; }
    /** Adds a validation metric. */
    public LearnerBuilder addMetric(Metric metric) { metrics.add(metric); return this; }
    /** Splits the model into parameter groups (default: one group of the trainable parameters). */
    public LearnerBuilder optSplitter(Function<Block, List<ParamGroup>> splitter) { this.splitter = splitter; return this; }
    /** Adds a callback (kept for every fit). */
    public LearnerBuilder addCallback(Callback cb) { callbacks.add(cb); return this; }
    /** The base folder (default: the working directory). */
    public LearnerBuilder optPath(Path path) { this.path = path; return this; }
    /** The checkpoint sub-folder (default {@code models}). */
    public LearnerBuilder optModelDir(String modelDir) { this.modelDir = modelDir; return this; }
    /** The weight decay given to every fit (default: the optimizer's own). */
    public LearnerBuilder optWd(Double wd) { this.wd = wd; return this; }
    /** Apply weight decay to normalization and bias parameters too (default false). */
    public LearnerBuilder optWdBnBias(boolean wdBnBias) { this.wdBnBias = wdBnBias; return this; }
    /** Train normalization layers of frozen groups (default true). */
    public LearnerBuilder optTrainBn(boolean trainBn) { this.trainBn = trainBn; return this; }
    /** Seeds the engine before the model is initialized. */
    public LearnerBuilder optSeed(long seed) { this.seed = seed; return this; }
    /** No progress bar and no epoch table (default false). */
    public LearnerBuilder optSilent(boolean silent) { this.silent = silent; return this; }
    /** Whether to add the default callbacks (default true). */
    public LearnerBuilder optDefaultCallbacks(boolean on) { this.defaultCallbacks = on; return this; }
    /** The default learning rate (default 1e-3). */
    public LearnerBuilder optLr(double lr) { this.lr = lr; return this; }
    /** The default momentums of the one-cycle schedule (default 0.95, 0.85, 0.95). */
    public LearnerBuilder optMoms(double start, double middle, double end) { this.moms = new double[] {start, middle, end}; return this; }

    /** Validates, initializes the model from the first training item's shapes and builds. */
    public Learner build() {
        org.fastai4j.core.EngineSetup.apply(); // threads, allocator, OpenMP wait policy: before the engine's first use
        require(dls != null, "dls", "must not be null");
        require(model != null, "model", "must not be null");
        require(splitter != null, "splitter", "must not be null");
        require(path != null, "path", "must not be null");
        require(modelDir != null && !modelDir.isBlank(), "modelDir", "must not be blank, got '" + modelDir + "'");
        require(wd == null || (wd >= 0 && Double.isFinite(wd)), "wd", "must be finite and >= 0, got " + wd);
        require(lr > 0 && Double.isFinite(lr), "lr", "must be positive and finite, got " + lr);
        for (double m : moms) {
            require(m >= 0 && m < 1, "moms", "must be in [0, 1), got " + m);
        }
        for (Metric m : metrics) {
            require(m != null, "metrics", "must not contain null");
        }
        for (Callback cb : callbacks) {
            require(cb != null, "callbacks", "must not contain null");
        }
        Loss loss = lossFunc;
        if (loss == null) {
            require(dls.vocab().isPresent(), "lossFunc",
                    "could not be inferred from the data (no categorical target); pass optLossFunc");
            loss = Losses.crossEntropyFlat();
        }
        OptimizerFactory opt = optFunc == null ? Optimizers.adam() : optFunc;
        List<Callback> all = new ArrayList<>();
        if (defaultCallbacks) {
            for (Supplier<Callback> s : DEFAULT_CALLBACKS) {
                Callback cb = s.get();
                if (!(silent && cb instanceof ProgressCallback)) {
                    all.add(cb);
                }
            }
        }
        all.addAll(callbacks);
        NDManager manager = NDManager.newBaseManager(dls.train().device());
        try {
            initialize(manager);
            return new Learner(this, loss, opt, all, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private void initialize(NDManager manager) {
        if (model.isInitialized()) {
            return;
        }
        require(dls.train().itemCount() > 0, "dls", "the training set is empty: cannot infer the model's input shapes");
        if (seed != null) {
            Engine.getInstance().setRandomSeed(seed.intValue() ^ (int) (seed >>> 32));
        }
        Shape[] shapes;
        try (Batch first = dls.train().itemsAt(new int[] {0}, manager)) {
            shapes = first.xs().getShapes();
        }
        model.initialize(manager, DataType.FLOAT32, shapes);
    }

    private static void require(boolean ok, String field, String message) {
        if (!ok) {
            throw new IllegalArgumentException("Learner." + field + " " + message);
        }
    }
}
