package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.losses.Loss;
import org.fastai4j.metrics.Metric;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Optimizer;
import org.fastai4j.optim.OptimizerFactory;
import org.fastai4j.optim.ParamGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code Learner}: data, a DJL block, a loss, an optimizer factory, metrics and
 * callbacks, trained by fastai's loop ({@link #fit}) and its recipes ({@link #fitOneCycle},
 * {@link #fineTune}, {@link #lrFind}, ...). Built with {@link #builder}.
 *
 * <p>Memory: the learner's {@link #manager()} owns the model parameters and the optimizer state;
 * each fit (and each {@link #validate}/{@link #getPreds} call) runs in a sub-manager closed at
 * its end; each batch's manager is closed after the batch. Close the learner to free the rest.
 */
public final class Learner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Learner.class);
    private final DataLoaders dls;
    private final Block model;
    private final Loss lossFunc;
    private final OptimizerFactory optFunc;
    private final Function<Block, List<ParamGroup>> splitter;
    private final List<Metric> metrics;
    private final NDManager manager;
    private final Path basePath;
    private final String modelDir;
    private final Double wd;
    private final boolean wdBnBias;
    private final boolean trainBn;
    private final double lr;
    private final double[] moms;
    private final CallbackList cbs = new CallbackList();
    private final LoopState st = new LoopState();
    private final TrainingLoop loop = new TrainingLoop(this, st);
    private final Long seed;
    private Optimizer opt;
    private NDManager optManager;
    private ExportSpec exportSpec;

    Learner(LearnerBuilder b, Loss lossFunc, OptimizerFactory optFunc, List<Callback> callbacks, NDManager manager) {
        this.dls = b.dls;
        this.model = b.model;
        this.lossFunc = lossFunc;
        this.optFunc = optFunc;
        this.splitter = b.splitter;
        this.metrics = List.copyOf(b.metrics);
        this.manager = manager;
        this.basePath = b.path;
        this.modelDir = b.modelDir;
        this.wd = b.wd;
        this.wdBnBias = b.wdBnBias;
        this.trainBn = b.trainBn;
        this.lr = b.lr;
        this.moms = b.moms.clone();
        this.seed = b.seed;
        callbacks.forEach(cbs::add);
        fire(Event.AFTER_CREATE);
    }

    /** Starts a builder over data and any DJL block. */
    public static LearnerBuilder builder(DataLoaders dls, Block model) {
        return new LearnerBuilder(dls, model);
    }

    // ---- parts
    /** The data. */
    public DataLoaders dls() { return dls; }
    /** The model. */
    public Block model() { return model; }
    /** The loss function. */
    public Loss lossFunc() { return lossFunc; }
    /** The optimizer (created on the first fit, or by {@link #createOpt()}); null before. */
    public Optimizer opt() { return opt; }
    /** The optimizer factory. */
    public OptimizerFactory optFunc() { return optFunc; }
    /** The metrics. */
    public List<Metric> metrics() { return metrics; }
    /** The learner's own manager (model parameters, optimizer state). */
    public NDManager manager() { return manager; }
    /** The folder for checkpoints ({@code basePath/modelDir}). */
    public Path path() { return basePath.resolve(modelDir); }
    /** The learner's base folder (fastai's {@code learn.path}): reports and CSV files go here. */
    public Path basePath() { return basePath; }
    /** The default learning rate of {@link #fit(int)} (fastai's {@code defaults.lr}, 1e-3). */
    public double lr() { return lr; }
    /** The default momentums of the one-cycle schedule, fastai's {@code moms}. */
    public double[] moms() { return moms.clone(); }
    /** The default weight decay, or null to keep the optimizer's. */
    public Double wd() { return wd; }
    /** Whether weight decay also applies to normalization and bias parameters. */
    public boolean wdBnBias() { return wdBnBias; }
    /** Whether normalization layers of frozen groups still train. */
    public boolean trainBn() { return trainBn; }
    /** The seed given to the builder (recorded in checkpoints and exports), or null. */
    public Long seed() { return seed; }
    /** What {@link #export} records about the model (set by e.g. {@code VisionLearner}), or null. */
    public ExportSpec exportSpec() { return exportSpec; }
    /** Sets what {@link #export} records about the model and its transforms. */
    public Learner setExportSpec(ExportSpec spec) { this.exportSpec = spec; return this; }

    // ---- loop state, readable and replaceable by callbacks
    /** The inputs of the current batch (fastai's {@code xb}). */
    public NDList xb() { return st.xb; }
    /** Replaces the inputs (e.g. MixUp in {@code before_batch}); arrays must live in {@link #batchManager()}. */
    public void setXb(NDList xb) { st.xb = xb; }
    /** The targets of the current batch (fastai's {@code yb}); empty when the data has none. */
    public NDList yb() { return st.yb; }
    /** Replaces the targets. */
    public void setYb(NDList yb) { st.yb = yb; }
    /** The model's output for the current batch (after {@code after_pred}). */
    public NDArray pred() { return st.pred; }
    /** Replaces the prediction (in {@code after_pred}). */
    public void setPred(NDArray pred) { st.pred = pred; }
    /** The loss of the current batch (recorded by the {@link Recorder}). */
    public NDArray loss() { return st.loss; }
    /** Replaces the loss, both the recorded one and the one back-propagated. */
    public void setLoss(NDArray loss) { st.loss = loss; st.lossGrad = loss; }
    /** The loss back-propagated (fastai's {@code loss_grad}). */
    public NDArray lossGrad() { return st.lossGrad; }
    /** Replaces only the loss back-propagated (fastai's {@code loss_grad}). */
    public void setLossGrad(NDArray lossGrad) { st.lossGrad = lossGrad; }
    /** The current batch's manager: arrays made by callbacks during a batch belong here. */
    public NDManager batchManager() { return st.batchManager; }
    /** The dataset index of each item of the current batch. */
    public int[] batchIndices() { return st.batchIndices.clone(); }
    /** The loader being iterated (training or validation), or null outside a phase. */
    public DataLoader dl() { return st.dl; }
    /** True during the training phase (set by {@link TrainEvalCallback}). */
    public boolean training() { return st.training; }
    /** Sets the training flag (fastai's {@code TrainEvalCallback} does it). */
    public void setTraining(boolean training) { st.training = training; }
    /** The current epoch, from 0. */
    public int epoch() { return st.epoch; }
    /** Sets the epoch counter (TrainEvalCallback resets it at {@code before_fit}). */
    public void setEpoch(int epoch) { st.epoch = epoch; }
    /** The number of epochs of the current fit. */
    public int nEpoch() { return st.nEpoch; }
    /** Batch index in the current phase. */
    public int iter() { return st.iter; }
    /** Batch count of the current phase. */
    public int nIter() { return st.nIter; }
    /** Training batches done since the fit began. */
    public int trainIter() { return st.trainIter; }
    /** Sets the training-batch counter (TrainEvalCallback). */
    public void setTrainIter(int trainIter) { st.trainIter = trainIter; }
    /** Fraction of training done, in [0, 1), fastai's {@code pct_train}. */
    public double pctTrain() { return st.pctTrain; }
    /** Sets {@code pct_train} (TrainEvalCallback). */
    public void setPctTrain(double pctTrain) { st.pctTrain = pctTrain; }
    /** True inside {@link #validate}/{@link #getPreds} (fastai's validation context). */
    public boolean inValidationContext() { return st.validationContext; }
    /** Where epoch rows go (fastai's {@code learn.logger}); a no-op in validation context. */
    public Consumer<List<Object>> logger() { return loggingEnabled() ? st.logger : row -> {}; }
    /** False in validation context and during {@link #lrFind} (fastai's {@code no_logging}). */
    public boolean loggingEnabled() { return !st.validationContext && !st.noLogging; }
    /** Switches epoch logging off (fastai's {@code no_logging}); returns the previous setting. */
    boolean setNoLogging(boolean off) { boolean prev = st.noLogging; st.noLogging = off; return prev; }
    /** Replaces where epoch rows go (ProgressCallback installs the table). */
    public void setLogger(Consumer<List<Object>> logger) { st.logger = logger == null ? row -> {} : logger; }
    /** The last smoothed training loss (fastai's {@code learn.smooth_loss}), NaN without a Recorder. */
    public double smoothLoss() {
        Recorder r = cb(Recorder.class);
        return r == null ? Double.NaN : r.smoothLoss();
    }

    // ---- callbacks
    /** Adds a callback for every later call. */
    public Learner addCb(Callback cb) { cbs.add(cb); return this; }
    /** Adds callbacks. */
    public Learner addCbs(Callback... list) { for (Callback cb : list) { addCb(cb); } return this; }
    /** Removes a callback (by identity). */
    public Learner removeCb(Callback cb) { cbs.remove(cb); return this; }
    /** Removes callbacks. */
    public Learner removeCbs(Callback... list) { for (Callback cb : list) { removeCb(cb); } return this; }
    /** The first callback of {@code type}, or null. */
    public <T extends Callback> T cb(Class<T> type) { return cbs.find(type); }
    /** The callbacks, in insertion order (an immutable copy). */
    public List<Callback> callbacks() { return cbs.snapshot(); }
    /** The callbacks in the order they run. */
    public List<Callback> orderedCallbacks() { return cbs.sorted(); }
    /** The Recorder (a default callback), or null when removed. */
    public Recorder recorder() { return cb(Recorder.class); }
    /** Fires {@code event} on every callback, fastai's {@code learn(event_name)}. */
    public void fire(Event event) { cbs.fire(event, this); }

    // ---- optimizer
    /** Creates the optimizer: groups from the splitter, then {@code optFunc}, fastai's {@code create_opt}. */
    public void createOpt() {
        NDManager previous = optManager;
        optManager = manager.newSubManager();
        opt = optFunc.create(splitter.apply(model), optManager);
        opt.setHyper("lr", lr);
        try {
            opt.setWdBnBias(wdBnBias);
            opt.setTrainBn(trainBn);
        } catch (UnsupportedOperationException e) {
            LOG.debug("{}: wdBnBias/trainBn not applied: {}", opt.getClass().getName(), e.getMessage());
        }
        if (previous != null) {
            previous.close();
        }
    }

    /** fastai's {@code freeze_to}: creates the optimizer if needed, freezes groups before {@code n}, clears its state. */
    public void freezeTo(int n) {
        if (opt == null) {
            createOpt();
        }
        opt.freezeTo(n);
        opt.clearState();
    }
    /** Freezes all groups but the last. */
    public void freeze() { freezeTo(-1); }
    /** Makes every group trainable. */
    public void unfreeze() { freezeTo(0); }

    // ---- training
    /** fastai's {@code fit}: {@code lr} per group (null = {@link #lr()}), {@code wd} (null = {@link #wd()}). */
    public void fit(int nEpoch, Lr lr, Double wd, boolean resetOpt, Callback... cbs) {
        if (nEpoch < 0) {
            throw new IllegalArgumentException("nEpoch must be >= 0, got " + nEpoch);
        }
        addCbs(cbs);
        try {
            if (resetOpt || opt == null) {
                createOpt();
            }
            Double w = wd == null ? this.wd : wd;
            if (w != null) {
                opt.setHyper("wd", w);
            }
            Lr l = lr == null ? Lr.of(this.lr) : lr;
            opt.setHyper("lr", l.forGroups(opt.paramGroups().size()));
            st.nEpoch = nEpoch;
            LOG.debug("fit: {} epochs, lr {} over {} groups, {} callbacks", nEpoch, l,
                    opt.paramGroups().size(), this.cbs.snapshot().size());
            loop.fit();
        } finally {
            removeCbs(cbs);
        }
    }
    /** fastai's {@code fit(n_epoch, lr, cbs=cbs)}; the callbacks are removed after. */
    public void fit(int nEpoch, Lr lr, Callback... cbs) { fit(nEpoch, lr, null, false, cbs); }
    /** fastai's {@code fit(n_epoch, lr)}. */
    public void fit(int nEpoch, double lr) { fit(nEpoch, Lr.of(lr)); }
    /** fastai's {@code fit(n_epoch)} at the default lr. */
    public void fit(int nEpoch) { fit(nEpoch, (Lr) null); }
    /** fastai's {@code fit_one_cycle} with default options. */
    public void fitOneCycle(int nEpoch, Lr lrMax, Callback... cbs) {
        Recipes.fitOneCycle(this, nEpoch, lrMax, OneCycleOptions.DEFAULTS, cbs);
    }
    /** fastai's {@code fit_one_cycle} with options (div, divFinal, pctStart, wd, moms). */
    public void fitOneCycle(int nEpoch, Lr lrMax, OneCycleOptions options, Callback... cbs) {
        Recipes.fitOneCycle(this, nEpoch, lrMax, options, cbs);
    }
    /**
     * fastai's {@code fit_one_cycle(..., start_epoch)}: the epochs before {@code startEpoch} are
     * skipped ({@link SkipToEpoch}), so a run resumed from a checkpoint follows the schedule of
     * the uninterrupted run.
     */
    public void fitOneCycle(int nEpoch, Lr lrMax, OneCycleOptions options, int startEpoch, Callback... cbs) {
        Recipes.fitOneCycle(this, nEpoch, lrMax, options, Recipes.with(new SkipToEpoch(startEpoch), cbs));
    }
    /** fastai's {@code fit_one_cycle(n_epoch, lr_max)}. */
    public void fitOneCycle(int nEpoch, double lrMax) { fitOneCycle(nEpoch, Lr.of(lrMax)); }
    /** fastai's {@code fit_flat_cos}: flat {@code lr} until {@code pctStart}, then cosine to lr/divFinal. */
    public void fitFlatCos(int nEpoch, Lr lr, double divFinal, double pctStart, Double wd, Callback... cbs) {
        Recipes.fitFlatCos(this, nEpoch, lr, divFinal, pctStart, wd, cbs);
    }
    /** fastai's {@code fit_flat_cos} with its defaults (div_final 1e5, pct_start 0.75). */
    public void fitFlatCos(int nEpoch, Lr lr, Callback... cbs) { fitFlatCos(nEpoch, lr, 1e5, 0.75, null, cbs); }
    /** fastai's {@code fit_sgdr}: {@code nCycles} cosine cycles, the i-th {@code cycleLen*cycleMult^i} epochs. */
    public void fitSgdr(int nCycles, int cycleLen, Lr lrMax, int cycleMult, Double wd, Callback... cbs) {
        Recipes.fitSgdr(this, nCycles, cycleLen, lrMax, cycleMult, wd, cbs);
    }
    /** fastai's {@code fit_sgdr} with cycle_mult 2. */
    public void fitSgdr(int nCycles, int cycleLen, Lr lrMax, Callback... cbs) { fitSgdr(nCycles, cycleLen, lrMax, 2, null, cbs); }
    /** fastai's {@code fine_tune} with its defaults (base_lr 2e-3, freeze_epochs 1, lr_mult 100). */
    public void fineTune(int epochs) { fineTune(epochs, FineTuneOptions.DEFAULTS); }
    /** fastai's {@code fine_tune}. */
    public void fineTune(int epochs, FineTuneOptions options, Callback... cbs) {
        Recipes.fineTune(this, epochs, options, cbs);
    }
    /** fastai's {@code lr_find} with its defaults (1e-7 to 10, 100 iterations, stop on divergence). */
    public SuggestedLrs lrFind() { return lrFind(1e-7, 10, 100, true); }
    /** fastai's {@code lr_find}: weights and optimizer state are restored afterwards. */
    public SuggestedLrs lrFind(double startLr, double endLr, int numIt, boolean stopDiv) {
        return LrFinder.run(this, startLr, endLr, numIt, stopDiv);
    }

    // ---- evaluation
    /** Validation loss then metrics on {@code dl} (fastai's {@code validate}). */
    public double[] validate(DataLoader dl) { return Evaluation.validate(this, dl); }
    /** Validation loss then metrics on the validation loader. */
    public double[] validate() { return validate(dls.valid()); }
    /** Predictions on {@code dl}, in loader order. */
    public Preds getPreds(DataLoader dl, boolean withDecoded, boolean withLoss) {
        return Evaluation.getPreds(this, dl, withDecoded, withLoss);
    }

    /** Predictions on {@code dl}, with the model inputs when {@code withInput} (fastai's {@code get_preds}). */
    public Preds getPreds(DataLoader dl, boolean withInput, boolean withDecoded, boolean withLoss) {
        return Evaluation.getPreds(this, dl, withInput, withDecoded, withLoss);
    }
    /** fastai's {@code predict(item)}: the item (e.g. an image file) through the validation transforms. */
    public Prediction predict(Object item) { return Inference.predict(this, item); }
    /** Decoded predictions on new raw items (fastai's {@code get_preds(dl=dls.test_dl(items), with_decoded=True)}). */
    public Preds getPreds(List<?> items) { return Inference.getPreds(this, items); }
    /** fastai's {@code tta(dl, n=4, beta=0.25)}: {@code (1-beta)·mean of n augmented passes + beta·plain}. */
    public Preds tta(DataLoader dl, int n, double beta) { return Tta.tta(this, dl, n, beta, false); }
    /** fastai's {@code tta(dl, n, use_max=True)}: the element-wise max of the augmented and plain passes. */
    public Preds ttaMax(DataLoader dl, int n) { return Tta.tta(this, dl, n, 0, true); }
    /** fastai's {@code tta()} on the validation set with n 4, beta 0.25. */
    public Preds tta() { return tta(dls.valid(), 4, 0.25); }
    /** fastai's {@code show_results(max_n)}: validation items titled actual/predicted. */
    public org.fastai4j.plot.Figure showResults(int maxN) { return org.fastai4j.interpret.Results.show(this, maxN); }

    // ---- persistence
    /** fastai's {@code save(name)} with the optimizer state; see {@link Checkpoints}. */
    public Path save(String name) throws java.io.IOException { return Checkpoints.save(this, name, true); }
    /** fastai's {@code save(name, with_opt)}: {@code path()/name.safetensors} (+ {@code name.opt.safetensors}). */
    public Path save(String name, boolean withOpt) throws java.io.IOException { return Checkpoints.save(this, name, withOpt); }
    /** fastai's {@code load(name)}: weights (strict) and optimizer state. */
    public Learner load(String name) throws java.io.IOException { return load(name, true, true); }
    /** fastai's {@code load(name, with_opt, strict)}. */
    public Learner load(String name, boolean withOpt, boolean strict) throws java.io.IOException {
        Checkpoints.load(this, name, withOpt, strict);
        return this;
    }
    /** fastai's {@code export}: a directory with {@code weights.safetensors} and {@code manifest.json}; see {@link Export}. */
    public Path export(Path dir) throws java.io.IOException { return Export.write(this, dir); }
    /** fastai's {@code export()}: into {@code basePath()/export}. */
    public Path export() throws java.io.IOException { return export(basePath.resolve("export")); }

    /** Runs the validation context of fastai on {@code dl} (used by {@link Evaluation}). */
    void runValidation(DataLoader dl) { loop.validationRun(dl); }

    @Override
    public void close() {
        manager.close();
    }
}
