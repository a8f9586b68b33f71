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

    /**
     * The loss function (fastai's {@code loss_func}); its activation and decoding also turn the
     * model's outputs into predictions.
     *
     * @param loss the loss, e.g. {@code Losses.crossEntropyFlat()}; null (the default) infers it from
     *     the data: cross-entropy for a categorical target, an error at {@link #build()} otherwise
     * @return this builder
     */
    public LearnerBuilder optLossFunc(Loss loss) { this.lossFunc = loss; return this; }
    /**
     * The optimizer factory (fastai's {@code opt_func}), called on each {@link Learner#createOpt()}.
     *
     * @param optFunc the factory, e.g. {@code Optimizers.sgd()}; null (the default) means Adam
     *     with fastai's defaults
     * @return this builder
     */
    public LearnerBuilder optOptFunc(OptimizerFactory optFunc) { this.optFunc = optFunc; return this; }
    /**
     * Adds a validation metric (fastai's {@code metrics}), computed over each validation phase
     * and shown as a column of the epoch table, in the order added.
     *
     * @param metric the metric, e.g. {@code Metrics.accuracy()}; not null
     * @return this builder
     */
    public LearnerBuilder addMetric(Metric metric) { metrics.add(metric); return this; }
    /**
     * How the model is split into parameter groups (fastai's {@code splitter}), for
     * discriminative learning rates and {@link Learner#freeze()}.
     *
     * @param splitter a function from the model to its groups, first (e.g. the pretrained body)
     *     to last (e.g. the head); the default is {@link Splitters#trainableParams}, one group
     * @return this builder
     */
    public LearnerBuilder optSplitter(Function<Block, List<ParamGroup>> splitter) { this.splitter = splitter; return this; }
    /**
     * Adds a callback (fastai's {@code cbs}), kept for every fit and evaluation after the default
     * callbacks.
     *
     * @param cb the callback; not null
     * @return this builder
     */
    public LearnerBuilder addCallback(Callback cb) { callbacks.add(cb); return this; }
    /**
     * The learner's base folder (fastai's {@code path}): checkpoints go to its model
     * sub-folder, exports and reports into it.
     *
     * @param path the folder (default: the working directory, {@code "."}); not null
     * @return this builder
     */
    public LearnerBuilder optPath(Path path) { this.path = path; return this; }
    /**
     * The checkpoint sub-folder of the base folder (fastai's {@code model_dir}).
     *
     * @param modelDir the sub-folder name (default {@code "models"}); not blank
     * @return this builder
     */
    public LearnerBuilder optModelDir(String modelDir) { this.modelDir = modelDir; return this; }
    /**
     * The weight decay set on the optimizer by every fit that does not give its own (fastai's
     * {@code wd}).
     *
     * @param wd the weight decay, finite and {@code >= 0}, or null (the default) to keep the
     *     optimizer's own (fastai's Adam: 0.01)
     * @return this builder
     */
    public LearnerBuilder optWd(Double wd) { this.wd = wd; return this; }
    /**
     * Whether weight decay also applies to normalization and bias parameters (fastai's
     * {@code wd_bn_bias}); ignored by an optimizer without the option.
     *
     * @param wdBnBias true to decay them too (default false)
     * @return this builder
     */
    public LearnerBuilder optWdBnBias(boolean wdBnBias) { this.wdBnBias = wdBnBias; return this; }
    /**
     * Whether the normalization layers of frozen parameter groups still train (fastai's
     * {@code train_bn}); ignored by an optimizer without the option.
     *
     * @param trainBn true to keep training them (default true)
     * @return this builder
     */
    public LearnerBuilder optTrainBn(boolean trainBn) { this.trainBn = trainBn; return this; }
    /**
     * Seeds the engine's random generator before {@link #build()} initializes the model, so the
     * initial weights are reproducible (a model that comes initialized is left as it is, and the
     * engine unseeded); the seed is also recorded in checkpoints and exports. It does not seed the
     * data loaders, which have their own.
     *
     * @param seed the seed (default: none, the engine's state is left as it is)
     * @return this builder
     */
    public LearnerBuilder optSeed(long seed) { this.seed = seed; return this; }
    /**
     * Whether to leave out the {@link ProgressCallback}: no progress bar and no epoch table.
     *
     * @param silent true for silent runs (default false)
     * @return this builder
     */
    public LearnerBuilder optSilent(boolean silent) { this.silent = silent; return this; }
    /**
     * Whether to add {@link #DEFAULT_CALLBACKS} (fastai's {@code defaults.callbacks}). Without
     * them nothing sets the training flag or the counters, so pass replacements with
     * {@link #addCallback}.
     *
     * @param on true to add them (default true)
     * @return this builder
     */
    public LearnerBuilder optDefaultCallbacks(boolean on) { this.defaultCallbacks = on; return this; }
    /**
     * The learning rate used by a fit or recipe given none (fastai's {@code lr}).
     *
     * @param lr the learning rate, positive and finite (default 1e-3, fastai's {@code defaults.lr})
     * @return this builder
     */
    public LearnerBuilder optLr(double lr) { this.lr = lr; return this; }
    /**
     * The default momentums of the one-cycle schedule (fastai's {@code moms}): the momentum goes
     * from {@code start} to {@code middle} while the learning rate warms up, then to {@code end}.
     * For Adam this is {@code mom} (beta1).
     *
     * @param start the momentum at the start, in [0, 1) (default 0.95)
     * @param middle the momentum at the peak learning rate, in [0, 1) (default 0.85)
     * @param end the momentum at the end, in [0, 1) (default 0.95)
     * @return this builder
     */
    public LearnerBuilder optMoms(double start, double middle, double end) { this.moms = new double[] {start, middle, end}; return this; }

    /**
     * Validates, initializes the model from the first training item's shapes (unless already
     * initialized) and builds. The learner's manager lives on the training loader's device.
     *
     * @return the learner, which fired {@link Event#AFTER_CREATE}; close it to free its memory
     * @throws IllegalArgumentException naming the field ({@code Learner.<field>}) if a value is
     *     invalid, the loss cannot be inferred, or the training set is empty
     */
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
