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

    /**
     * Starts a builder over data and any DJL block (fastai's {@code Learner(dls, model, ...)}); the
     * other arguments are the builder's {@code optX}/{@code addX} methods.
     *
     * @param dls the training and validation loaders
     * @param model any DJL block; {@link LearnerBuilder#build()} initializes it from the shapes of
     *     the first training item unless it is already initialized
     * @return a builder with fastai's defaults
     */
    public static LearnerBuilder builder(DataLoaders dls, Block model) {
        return new LearnerBuilder(dls, model);
    }

    // ---- parts
    /** {@return the training and validation loaders (fastai's {@code learn.dls})} */
    public DataLoaders dls() { return dls; }
    /** {@return the model being trained, a DJL block whose parameters live in {@link #manager()}} */
    public Block model() { return model; }
    /** {@return the loss function (fastai's {@code loss_func}); its activation and decoding also shape predictions} */
    public Loss lossFunc() { return lossFunc; }
    /**
     * The optimizer (fastai's {@code learn.opt}).
     *
     * @return the optimizer, created by the first fit, {@link #freezeTo}, a checkpoint load or
     *     {@link #createOpt()}; null before any of them
     */
    public Optimizer opt() { return opt; }
    /** {@return the optimizer factory (fastai's {@code opt_func}, Adam by default)} */
    public OptimizerFactory optFunc() { return optFunc; }
    /** {@return the validation metrics, in the order of the epoch table's columns (immutable)} */
    public List<Metric> metrics() { return metrics; }
    /**
     * The learner's own manager; closed by {@link #close()}.
     *
     * @return the manager owning the model parameters and, in a sub-manager, the optimizer state
     */
    public NDManager manager() { return manager; }
    /**
     * The folder of {@link #save}/{@link #load} checkpoints (fastai's {@code path/model_dir}).
     *
     * @return {@code basePath()} resolved with the model directory ({@code models} by default)
     */
    public Path path() { return basePath.resolve(modelDir); }
    /**
     * The learner's base folder (fastai's {@code learn.path}): reports and CSV files go here.
     *
     * @return the base folder given to the builder (the working directory by default)
     */
    public Path basePath() { return basePath; }
    /**
     * The default learning rate, used when a fit or recipe is given no learning rate.
     *
     * @return the default learning rate (fastai's {@code defaults.lr}, 1e-3 unless set by the builder)
     */
    public double lr() { return lr; }
    /**
     * The default momentums of the one-cycle schedule (fastai's {@code moms}).
     *
     * @return a copy of the start, middle and end momentums (fastai's default 0.95, 0.85, 0.95)
     */
    public double[] moms() { return moms.clone(); }
    /**
     * The default weight decay set on the optimizer by every fit (fastai's {@code wd}).
     *
     * @return the weight decay, or null to keep the optimizer's own default
     */
    public Double wd() { return wd; }
    /**
     * Whether weight decay also applies to normalization and bias parameters.
     *
     * @return fastai's {@code wd_bn_bias} (default false)
     */
    public boolean wdBnBias() { return wdBnBias; }
    /**
     * Whether normalization layers of frozen groups still train.
     *
     * @return fastai's {@code train_bn} (default true)
     */
    public boolean trainBn() { return trainBn; }
    /**
     * The seed given to the builder; it seeded the engine before the model was initialized and is
     * recorded in checkpoints and exports.
     *
     * @return the seed, or null when none was given
     */
    public Long seed() { return seed; }
    /**
     * What {@link #export} records about the model (set by e.g. {@code VisionLearner}).
     *
     * @return the export description, or null: the model then exports as kind {@code "custom"}
     */
    public ExportSpec exportSpec() { return exportSpec; }
    /**
     * Sets what {@link #export} records about the model and its transforms.
     *
     * @param spec the model's kind, options and transform descriptions, or null for a custom model
     * @return this learner
     */
    public Learner setExportSpec(ExportSpec spec) { this.exportSpec = spec; return this; }

    // ---- loop state, readable and replaceable by callbacks
    /**
     * The inputs of the current batch (fastai's {@code xb}), after the batch transforms.
     *
     * @return the inputs, owned by {@link #batchManager()}; empty outside a batch
     */
    public NDList xb() { return st.xb; }
    /**
     * Replaces the inputs (e.g. MixUp in {@code before_batch}).
     *
     * @param xb the new inputs; arrays must live in {@link #batchManager()} so they are freed with the batch
     */
    public void setXb(NDList xb) { st.xb = xb; }
    /**
     * The targets of the current batch (fastai's {@code yb}).
     *
     * @return the targets, owned by {@link #batchManager()}; empty when the data has none and outside a batch
     */
    public NDList yb() { return st.yb; }
    /**
     * Replaces the targets (e.g. MixUp or label smoothing in {@code before_batch}).
     *
     * @param yb the new targets; arrays must live in {@link #batchManager()}
     */
    public void setYb(NDList yb) { st.yb = yb; }
    /**
     * The model's output for the current batch (fastai's {@code pred}), before the loss's activation.
     *
     * @return the raw output (logits for classification), set before {@code after_pred}; null outside a batch
     */
    public NDArray pred() { return st.pred; }
    /**
     * Replaces the prediction (in {@code after_pred}); the loss is computed from the new value.
     *
     * @param pred the new output; it must live in {@link #batchManager()}
     */
    public void setPred(NDArray pred) { st.pred = pred; }
    /**
     * The loss of the current batch (fastai's {@code loss}), recorded by the {@link Recorder}.
     *
     * @return the scalar loss, set before {@code after_loss}; null outside a batch or without targets
     */
    public NDArray loss() { return st.loss; }
    /**
     * Replaces the loss, both the recorded one and the one back-propagated.
     *
     * @param loss the new scalar loss; it must live in {@link #batchManager()} and, to be
     *     back-propagated, be computed from the prediction inside the batch
     */
    public void setLoss(NDArray loss) { st.loss = loss; st.lossGrad = loss; }
    /**
     * The loss back-propagated (fastai's {@code loss_grad}); the same array as {@link #loss()}
     * unless a callback replaced it with {@link #setLossGrad}.
     *
     * @return the loss the backward pass starts from; null outside a batch or without targets
     */
    public NDArray lossGrad() { return st.lossGrad; }
    /**
     * Replaces only the loss back-propagated (fastai's {@code loss_grad}), e.g. to scale it for
     * gradient accumulation while the recorded loss stays unchanged.
     *
     * @param lossGrad the scalar to back-propagate; it must live in {@link #batchManager()}
     */
    public void setLossGrad(NDArray lossGrad) { st.lossGrad = lossGrad; }
    /**
     * The current batch's manager: arrays made by callbacks during a batch belong here.
     *
     * @return the manager closed at the end of the batch; null outside a batch
     */
    public NDManager batchManager() { return st.batchManager; }
    /**
     * The dataset index of each item of the current batch, in batch order.
     *
     * @return a copy of the indices; empty outside a batch
     */
    public int[] batchIndices() { return st.batchIndices.clone(); }
    /**
     * The loader being iterated (fastai's {@code learn.dl}).
     *
     * @return the training or validation loader of the current phase, or null outside a phase
     */
    public DataLoader dl() { return st.dl; }
    /**
     * Whether the loop is in its training phase (fastai's {@code learn.training}).
     *
     * @return true during the training phase, false during validation (set by {@link TrainEvalCallback})
     */
    public boolean training() { return st.training; }
    /**
     * Sets the training flag (fastai's {@code TrainEvalCallback} does it); it selects the model's
     * training behaviour (dropout, batch statistics), whether batches are back-propagated and
     * which callbacks see batch events.
     *
     * @param training true for the training phase, false for validation
     */
    public void setTraining(boolean training) { st.training = training; }
    /** {@return the current epoch, from 0 (fastai's {@code learn.epoch})} */
    public int epoch() { return st.epoch; }
    /**
     * Sets the epoch counter (TrainEvalCallback resets it at {@code before_fit}).
     *
     * @param epoch the epoch, from 0
     */
    public void setEpoch(int epoch) { st.epoch = epoch; }
    /** {@return the number of epochs of the current (or last) fit, fastai's {@code n_epoch}; 1 before any fit} */
    public int nEpoch() { return st.nEpoch; }
    /** {@return the index of the current batch in the current phase, from 0 (fastai's {@code iter})} */
    public int iter() { return st.iter; }
    /** {@return the number of batches of the current phase's loader (fastai's {@code n_iter})} */
    public int nIter() { return st.nIter; }
    /** {@return the number of training batches done since the fit began (fastai's {@code train_iter})} */
    public int trainIter() { return st.trainIter; }
    /**
     * Sets the training-batch counter (TrainEvalCallback does it).
     *
     * @param trainIter the number of training batches done since the fit began
     */
    public void setTrainIter(int trainIter) { st.trainIter = trainIter; }
    /**
     * The fraction of the fit's training done (fastai's {@code pct_train}): the position
     * schedules read.
     *
     * @return the fraction, in [0, 1) before each training batch, 1 after the fit's last one
     */
    public double pctTrain() { return st.pctTrain; }
    /**
     * Sets {@code pct_train} (TrainEvalCallback does it).
     *
     * @param pctTrain the fraction of the fit's training done, in [0, 1]
     */
    public void setPctTrain(double pctTrain) { st.pctTrain = pctTrain; }
    /**
     * Whether the loop is running {@link #validate}/{@link #getPreds} (fastai's validation context).
     *
     * @return true inside those calls, false during a fit
     */
    public boolean inValidationContext() { return st.validationContext; }
    /**
     * Where epoch rows go (fastai's {@code learn.logger}).
     *
     * @return the consumer of each epoch's row (epoch, losses, metrics, time); a no-op when
     *     {@link #loggingEnabled()} is false
     */
    public Consumer<List<Object>> logger() { return loggingEnabled() ? st.logger : row -> {}; }
    /**
     * Whether epoch rows are logged.
     *
     * @return false in validation context and during {@link #lrFind} (fastai's {@code no_logging}), else true
     */
    public boolean loggingEnabled() { return !st.validationContext && !st.noLogging; }
    /** Switches epoch logging off (fastai's {@code no_logging}); returns the previous setting. */
    boolean setNoLogging(boolean off) { boolean prev = st.noLogging; st.noLogging = off; return prev; }
    /**
     * Replaces where epoch rows go (ProgressCallback installs the table).
     *
     * @param logger the consumer of each epoch's row, or null to discard rows
     */
    public void setLogger(Consumer<List<Object>> logger) { st.logger = logger == null ? row -> {} : logger; }
    /**
     * The last smoothed training loss (fastai's {@code learn.smooth_loss}).
     *
     * @return the {@link Recorder}'s debiased moving average of the batch losses; NaN without a
     *     Recorder or before the first training batch
     */
    public double smoothLoss() {
        Recorder r = cb(Recorder.class);
        return r == null ? Double.NaN : r.smoothLoss();
    }

    // ---- callbacks
    /**
     * Adds a callback for every later fit and evaluation, until removed (fastai's {@code add_cb}).
     *
     * @param cb the callback, not null; it runs at its {@link Callback#order()}
     * @return this learner
     * @throws IllegalArgumentException if {@code cb} is null
     */
    public Learner addCb(Callback cb) { cbs.add(cb); return this; }
    /**
     * Adds callbacks, as {@link #addCb} each in turn (fastai's {@code add_cbs}).
     *
     * @param list the callbacks, none null
     * @return this learner
     * @throws IllegalArgumentException if one of them is null (then none is added)
     */
    public Learner addCbs(Callback... list) {
        requireCallbacks(list, "addCbs");
        for (Callback cb : list) {
            addCb(cb);
        }
        return this;
    }

    /** Refuses a null array or element, naming its position, before anything is added. */
    static void requireCallbacks(Callback[] list, String what) {
        if (list == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < list.length; i++) {
            if (list[i] == null) {
                throw new IllegalArgumentException(what + ": callback at position " + i + " (0-based) is null");
            }
        }
    }
    /**
     * Removes a callback (fastai's {@code remove_cb}); nothing happens if it is not there.
     *
     * @param cb the callback instance to remove (compared by identity; the first occurrence goes)
     * @return this learner
     */
    public Learner removeCb(Callback cb) { cbs.remove(cb); return this; }
    /**
     * Removes callbacks, as {@link #removeCb} each in turn (fastai's {@code remove_cbs}).
     *
     * @param list the callback instances to remove
     * @return this learner
     */
    public Learner removeCbs(Callback... list) { for (Callback cb : list) { removeCb(cb); } return this; }
    /**
     * Finds a callback by class (fastai reaches one as an attribute, e.g. {@code learn.recorder}).
     *
     * @param <T> the callback class
     * @param type the class (or a superclass or interface) to look for
     * @return the first callback, in insertion order, that is an instance of {@code type}, or null
     */
    public <T extends Callback> T cb(Class<T> type) { return cbs.find(type); }
    /** {@return the callbacks, in insertion order (an immutable copy)} */
    public List<Callback> callbacks() { return cbs.snapshot(); }
    /**
     * {@return the callbacks in the order they run: ascending {@link Callback#order()}, ties in
     * insertion order (a copy)}
     */
    public List<Callback> orderedCallbacks() { return cbs.sorted(); }
    /** {@return the {@link Recorder} (a default callback, fastai's {@code learn.recorder}), or null when removed} */
    public Recorder recorder() { return cb(Recorder.class); }
    /**
     * Fires {@code event} on every callback in run order, fastai's {@code learn(event_name)}; batch
     * events skip callbacks whose {@link Callback#runTrain()}/{@link Callback#runValid()} excludes
     * the current phase.
     *
     * @param event the event to fire
     * @throws CallbackException wrapping any exception a callback throws other than a {@link CancelException}
     */
    public void fire(Event event) { cbs.fire(event, this); }

    // ---- optimizer
    /**
     * Creates the optimizer, fastai's {@code create_opt}: parameter groups from the splitter, then
     * {@code optFunc}, with the default learning rate, {@code wdBnBias} and {@code trainBn}. Any
     * previous optimizer and its state are discarded.
     */
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

    /**
     * fastai's {@code freeze_to}: creates the optimizer if needed, freezes the parameter groups
     * before {@code n} and clears the optimizer state.
     *
     * @param n the index of the first trainable group; negative counts from the end ({@code -1}:
     *     only the last group trains, {@code 0}: every group trains)
     */
    public void freezeTo(int n) {
        if (opt == null) {
            createOpt();
        }
        opt.freezeTo(n);
        opt.clearState();
    }
    /** Freezes all parameter groups but the last (fastai's {@code freeze}, i.e. {@code freezeTo(-1)}). */
    public void freeze() { freezeTo(-1); }
    /** Makes every parameter group trainable (fastai's {@code unfreeze}, i.e. {@code freezeTo(0)}). */
    public void unfreeze() { freezeTo(0); }

    // ---- training
    /**
     * fastai's {@code fit}: trains {@code nEpoch} epochs at a constant learning rate, each a
     * training phase over {@code dls().train()} then a validation phase over {@code dls().valid()}.
     * The optimizer is created first if there is none (or {@code resetOpt}); the given callbacks
     * are added for this fit only and removed after it, even when it fails.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lr the learning rate per parameter group ({@link Lr#of}, {@link Lr#max} for fastai's
     *     {@code slice(b)}, {@link Lr#range} for {@code slice(a, b)}), or null for {@link #lr()}
     * @param wd the weight decay to set on the optimizer, or null for {@link #wd()} (which, when
     *     also null, keeps the optimizer's own)
     * @param resetOpt whether to create a fresh optimizer (losing its state) even if one exists
     *     (fastai's {@code reset_opt}, default false)
     * @param cbs extra callbacks for this fit only (fastai's {@code cbs}); a null array is none
     * @throws IllegalArgumentException if {@code nEpoch} is negative or a callback is null (the
     *     message gives its position; nothing is added then)
     * @throws CallbackException if a callback fails
     * @throws BatchException if the model or the loss fails on a batch
     */
    public void fit(int nEpoch, Lr lr, Double wd, boolean resetOpt, Callback... cbs) {
        if (nEpoch < 0) {
            throw new IllegalArgumentException("nEpoch must be >= 0, got " + nEpoch);
        }
        Callback[] extra = cbs == null ? new Callback[0] : cbs;
        requireCallbacks(extra, "cbs");
        int added = 0;
        try {
            for (Callback cb : extra) {
                addCb(cb);
                added++;
            }
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
            for (int i = 0; i < added; i++) {
                removeCb(extra[i]);
            }
        }
    }
    /**
     * fastai's {@code fit(n_epoch, lr, cbs=cbs)}: {@link #fit(int, Lr, Double, boolean, Callback...)}
     * with the default weight decay and the current optimizer; the callbacks are removed after.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lr the learning rate per parameter group, or null for {@link #lr()}
     * @param cbs extra callbacks for this fit only
     */
    public void fit(int nEpoch, Lr lr, Callback... cbs) { fit(nEpoch, lr, null, false, cbs); }
    /**
     * fastai's {@code fit(n_epoch, lr)}: one constant learning rate for every parameter group.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lr the learning rate, positive and finite
     */
    public void fit(int nEpoch, double lr) { fit(nEpoch, Lr.of(lr)); }
    /**
     * fastai's {@code fit(n_epoch)} at the default learning rate {@link #lr()}.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     */
    public void fit(int nEpoch) { fit(nEpoch, (Lr) null); }
    /**
     * fastai's {@code fit_one_cycle} with default options ({@link OneCycleOptions#DEFAULTS}): the
     * learning rate of each group rises by cosine from {@code lrMax/25} to {@code lrMax} over the
     * first 25% of the iterations, then falls by cosine to {@code lrMax/1e5}, while the momentum
     * goes the other way between {@link #moms()}.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lrMax the peak learning rate per parameter group (fastai's {@code lr_max}), or null for {@link #lr()}
     * @param cbs extra callbacks for this fit only
     */
    public void fitOneCycle(int nEpoch, Lr lrMax, Callback... cbs) {
        Recipes.fitOneCycle(this, nEpoch, lrMax, OneCycleOptions.DEFAULTS, cbs);
    }
    /**
     * fastai's {@code fit_one_cycle} with options: learning rate from {@code lrMax/div} up to
     * {@code lrMax} over the first {@code pctStart} of the iterations, then down to
     * {@code lrMax/divFinal}, both by cosine annealing; momentum from {@code moms[0]} down to
     * {@code moms[1]} and back to {@code moms[2]} over the same phases.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lrMax the peak learning rate per parameter group (fastai's {@code lr_max}), or null for {@link #lr()}
     * @param options div (default 25), divFinal (1e5), pctStart (0.25), wd, moms and resetOpt
     * @param cbs extra callbacks for this fit only
     */
    public void fitOneCycle(int nEpoch, Lr lrMax, OneCycleOptions options, Callback... cbs) {
        Recipes.fitOneCycle(this, nEpoch, lrMax, options, cbs);
    }
    /**
     * fastai's {@code fit_one_cycle(..., start_epoch)}: the epochs before {@code startEpoch} are
     * skipped ({@link SkipToEpoch}), so a run resumed from a checkpoint follows the schedule of
     * the uninterrupted run.
     *
     * @param nEpoch the number of epochs of the whole run, skipped ones included
     * @param lrMax the peak learning rate per parameter group (fastai's {@code lr_max}), or null for {@link #lr()}
     * @param options the one-cycle options, e.g. {@link OneCycleOptions#DEFAULTS}
     * @param startEpoch the first epoch to train, from 0 (fastai's {@code start_epoch}); after a
     *     checkpoint saved at the end of epoch {@code e}, pass {@code e + 1}
     * @param cbs extra callbacks for this fit only
     * @throws IllegalArgumentException if {@code startEpoch} is negative
     */
    public void fitOneCycle(int nEpoch, Lr lrMax, OneCycleOptions options, int startEpoch, Callback... cbs) {
        Recipes.fitOneCycle(this, nEpoch, lrMax, options, Recipes.with(new SkipToEpoch(startEpoch), cbs));
    }
    /**
     * fastai's {@code fit_one_cycle(n_epoch, lr_max)} with default options.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lrMax the peak learning rate, the same for every parameter group
     */
    public void fitOneCycle(int nEpoch, double lrMax) { fitOneCycle(nEpoch, Lr.of(lrMax)); }
    /**
     * fastai's {@code fit_flat_cos}: the learning rate stays at {@code lr} for the first
     * {@code pctStart} of the iterations, then falls by cosine annealing to {@code lr/divFinal}.
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lr the flat learning rate per parameter group, or null for {@link #lr()}
     * @param divFinal the final-lr divisor: the run ends at {@code lr/divFinal} (fastai's
     *     {@code div_final}, default 1e5)
     * @param pctStart the fraction of the iterations at the flat rate, in [0, 1] (fastai's
     *     {@code pct_start}, default 0.75)
     * @param wd the weight decay, or null for {@link #wd()}
     * @param cbs extra callbacks for this fit only
     */
    public void fitFlatCos(int nEpoch, Lr lr, double divFinal, double pctStart, Double wd, Callback... cbs) {
        Recipes.fitFlatCos(this, nEpoch, lr, divFinal, pctStart, wd, cbs);
    }
    /**
     * fastai's {@code fit_flat_cos} with its defaults (div_final 1e5, pct_start 0.75).
     *
     * @param nEpoch the number of epochs, {@code >= 0}
     * @param lr the flat learning rate per parameter group, or null for {@link #lr()}
     * @param cbs extra callbacks for this fit only
     */
    public void fitFlatCos(int nEpoch, Lr lr, Callback... cbs) { fitFlatCos(nEpoch, lr, 1e5, 0.75, null, cbs); }
    /**
     * fastai's {@code fit_sgdr} (SGD with warm restarts): {@code nCycles} cosine annealings of the
     * learning rate from {@code lrMax} to 0, cycle {@code i} (from 0) lasting
     * {@code cycleLen * cycleMult^i} epochs, so the fit lasts
     * {@code cycleLen * (cycleMult^nCycles - 1) / (cycleMult - 1)} epochs ({@code cycleLen * nCycles}
     * when {@code cycleMult} is 1).
     *
     * @param nCycles the number of cycles, {@code >= 1}
     * @param cycleLen the number of epochs of the first cycle, {@code >= 1}
     * @param lrMax the learning rate at the start of each cycle, per parameter group, or null for {@link #lr()}
     * @param cycleMult the factor by which each cycle is longer than the one before, {@code >= 1}
     *     (fastai's {@code cycle_mult}, default 2)
     * @param wd the weight decay, or null for {@link #wd()}
     * @param cbs extra callbacks for this fit only
     * @throws IllegalArgumentException if {@code nCycles}, {@code cycleLen} or {@code cycleMult} is below 1
     */
    public void fitSgdr(int nCycles, int cycleLen, Lr lrMax, int cycleMult, Double wd, Callback... cbs) {
        Recipes.fitSgdr(this, nCycles, cycleLen, lrMax, cycleMult, wd, cbs);
    }
    /**
     * fastai's {@code fit_sgdr} with its default cycle_mult 2: cycles of {@code cycleLen},
     * {@code 2*cycleLen}, {@code 4*cycleLen}, ... epochs.
     *
     * @param nCycles the number of cycles, {@code >= 1}
     * @param cycleLen the number of epochs of the first cycle, {@code >= 1}
     * @param lrMax the learning rate at the start of each cycle, per parameter group, or null for {@link #lr()}
     * @param cbs extra callbacks for this fit only
     */
    public void fitSgdr(int nCycles, int cycleLen, Lr lrMax, Callback... cbs) { fitSgdr(nCycles, cycleLen, lrMax, 2, null, cbs); }
    /**
     * fastai's {@code fine_tune} with its defaults (base_lr 2e-3, freeze_epochs 1, lr_mult 100,
     * pct_start 0.3, div 5): one frozen one-cycle epoch, then {@code epochs} unfrozen; see
     * {@link #fineTune(int, FineTuneOptions, Callback...)}.
     *
     * @param epochs the number of epochs trained unfrozen, after the frozen one
     */
    public void fineTune(int epochs) { fineTune(epochs, FineTuneOptions.DEFAULTS); }
    /**
     * fastai's {@code fine_tune}, for a pretrained model: {@link #freeze()}, {@code fitOneCycle}
     * of {@code freezeEpochs} epochs at {@code Lr.max(baseLr)} with pctStart 0.99, then
     * {@link #unfreeze()} and {@code fitOneCycle} of {@code epochs} epochs at
     * {@code Lr.range(baseLr/2/lrMult, baseLr/2)} with the options' pctStart and div.
     *
     * @param epochs the number of epochs trained unfrozen, after the frozen ones
     * @param options baseLr, freezeEpochs, lrMult, pctStart, div and the one-cycle options of both
     *     cycles ({@link FineTuneOptions#DEFAULTS} for fastai's)
     * @param cbs extra callbacks for both cycles
     */
    public void fineTune(int epochs, FineTuneOptions options, Callback... cbs) {
        Recipes.fineTune(this, epochs, options, cbs);
    }
    /**
     * fastai's {@code lr_find} with its defaults (1e-7 to 10, 100 iterations, stop on divergence);
     * see {@link #lrFind(double, double, int, boolean)}.
     *
     * @return the suggested learning rates ({@link SuggestedLrs#valley()} is fastai's default) and the curve
     */
    public SuggestedLrs lrFind() { return lrFind(1e-7, 10, 100, true); }
    /**
     * fastai's {@code lr_find}: trains on training batches only while the learning rate grows
     * exponentially from {@code startLr} to {@code endLr} ({@link LrFinder}), recording the
     * smoothed loss, and derives the suggestions from that curve. Weights, optimizer state and
     * hyper-parameters are restored afterwards, and no epoch row is logged.
     *
     * @param startLr the learning rate of the first batch, positive (fastai's {@code start_lr}, default 1e-7)
     * @param endLr the learning rate reached after {@code numIt} batches, positive (fastai's
     *     {@code end_lr}, default 10)
     * @param numIt the number of batches of the sweep, {@code >= 1} (fastai's {@code num_it},
     *     default 100); the training loader is repeated as needed
     * @param stopDiv whether to stop early once the smoothed loss exceeds 4 times the best seen
     *     (fastai's {@code stop_div}, default true)
     * @return the suggested learning rates ({@link SuggestedLrs#valley()} is fastai's default) and the curve
     * @throws IllegalArgumentException if a learning rate is not positive and finite, {@code numIt}
     *     is below 1 or the training loader is empty
     * @throws IllegalStateException if the {@link Recorder} was removed
     */
    public SuggestedLrs lrFind(double startLr, double endLr, int numIt, boolean stopDiv) {
        return LrFinder.run(this, startLr, endLr, numIt, stopDiv);
    }

    // ---- evaluation
    /**
     * fastai's {@code validate(dl=dl)}: one pass over {@code dl} in inference mode, without
     * gradients and without logging.
     *
     * @param dl the loader to evaluate, e.g. {@code dls().valid()} or a test loader with targets
     * @return the loss (batch-size-weighted mean over the batches) followed by the value of each of
     *     {@link #metrics()}, in order; the loss is NaN when the loader has no targets
     */
    public double[] validate(DataLoader dl) { return Evaluation.validate(this, dl); }
    /**
     * fastai's {@code validate()}: {@link #validate(DataLoader)} on the validation loader.
     *
     * @return the validation loss followed by the value of each of {@link #metrics()}, in order
     */
    public double[] validate() { return validate(dls.valid()); }
    /**
     * fastai's {@code get_preds(dl=dl, with_decoded, with_loss)}: one pass over {@code dl} in
     * inference mode, without gradients, collecting every item in loader order.
     *
     * @param dl the loader to predict on, e.g. {@code dls().valid()}
     * @param withDecoded whether to also decode the activations (e.g. argmax to a class index)
     * @param withLoss whether to also compute each item's loss (needs targets)
     * @return the activations, targets, indices and, as asked, decoded predictions and losses
     */
    public Preds getPreds(DataLoader dl, boolean withDecoded, boolean withLoss) {
        return Evaluation.getPreds(this, dl, withDecoded, withLoss);
    }

    /**
     * fastai's {@code get_preds(dl=dl, with_input, with_decoded, with_loss)}: as
     * {@link #getPreds(DataLoader, boolean, boolean)}, optionally also keeping the model inputs.
     *
     * @param dl the loader to predict on
     * @param withInput whether to keep each item's model input (after the batch transforms), flattened
     * @param withDecoded whether to also decode the activations (e.g. argmax to a class index)
     * @param withLoss whether to also compute each item's loss (needs targets)
     * @return the activations, targets, indices and, as asked, inputs, decoded predictions and losses
     */
    public Preds getPreds(DataLoader dl, boolean withInput, boolean withDecoded, boolean withLoss) {
        return Evaluation.getPreds(this, dl, withInput, withDecoded, withLoss);
    }
    /**
     * fastai's {@code predict(item)}: one raw item through the validation loader's transforms
     * ({@link DataLoader#testDl}), the model, the loss's activation and decoding.
     *
     * @param item a raw item of the kind the data was built from, e.g. an image file's {@link Path}
     * @return the decoded class (with a vocabulary), its index and the activated outputs
     * @throws IllegalArgumentException if {@code item} is null
     * @throws UnsupportedOperationException if the validation loader cannot build a test loader
     */
    public Prediction predict(Object item) { return Inference.predict(this, item); }
    /**
     * Decoded predictions on new raw items, fastai's
     * {@code get_preds(dl=dls.test_dl(items), with_decoded=True)}.
     *
     * @param items raw items of the kind the data was built from (e.g. image files), at least one
     * @return activations and decoded predictions, one row per item in the given order; targets
     *     are placeholders
     * @throws IllegalArgumentException if {@code items} is null or empty
     * @throws UnsupportedOperationException if the validation loader cannot build a test loader
     */
    public Preds getPreds(List<?> items) { return Inference.getPreds(this, items); }
    /**
     * fastai's {@code tta(dl=dl, n=n, beta=beta)}, test-time augmentation: {@code n} passes over
     * {@code dl} with its random (training-mode) transforms, averaged, blended with one plain pass
     * as {@code (1-beta)·mean + beta·plain}.
     *
     * @param dl the loader to predict on, e.g. {@code dls().valid()}; it must support
     *     {@link DataLoader#augmentedDl()}
     * @param n the number of augmented passes, {@code >= 1} (fastai's default 4)
     * @param beta the weight of the plain pass, in [0, 1] (fastai's default 0.25)
     * @return the blended activations with the targets and indices (no decoded values or losses)
     * @throws IllegalArgumentException if {@code n < 1} or {@code beta} is outside [0, 1]
     */
    public Preds tta(DataLoader dl, int n, double beta) { return Tta.tta(this, dl, n, beta, false); }
    /**
     * fastai's {@code tta(dl=dl, n=n, use_max=True)}: the element-wise maximum of the activations of
     * {@code n} augmented passes and one plain pass.
     *
     * @param dl the loader to predict on; it must support {@link DataLoader#augmentedDl()}
     * @param n the number of augmented passes, {@code >= 1}
     * @return the maximal activations with the targets and indices (no decoded values or losses)
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Preds ttaMax(DataLoader dl, int n) { return Tta.tta(this, dl, n, 0, true); }
    /**
     * fastai's {@code tta()}: {@link #tta(DataLoader, int, double)} on the validation loader with
     * fastai's defaults n 4, beta 0.25.
     *
     * @return the blended activations with the targets and indices
     */
    public Preds tta() { return tta(dls.valid(), 4, 0.25); }
    /**
     * fastai's {@code show_results(max_n=maxN)}: the first validation items, each titled with its
     * actual and predicted class (green when right, red when wrong).
     *
     * @param maxN the maximum number of items shown (fastai's default 9)
     * @return the grid of items, to {@code save} or {@code show}
     * @throws IllegalArgumentException if {@code maxN <= 0}, the data has no categorical target (no
     *     vocabulary), or the validation set is empty
     */
    public org.fastai4j.plot.Figure showResults(int maxN) { return org.fastai4j.interpret.Results.show(this, maxN); }

    // ---- persistence
    /**
     * fastai's {@code save(name)}: the weights and the optimizer state into {@link #path()}; see
     * {@link Checkpoints}.
     *
     * @param name the checkpoint name, a plain file name without extension (e.g. {@code "stage-1"})
     * @return the weights file, {@code path()/name.safetensors}
     * @throws java.io.IOException if the files cannot be written; the previous checkpoint is then intact
     * @throws IllegalArgumentException if {@code name} is blank, contains a path separator or starts with a dot
     */
    public Path save(String name) throws java.io.IOException { return Checkpoints.save(this, name, true); }
    /**
     * fastai's {@code save(name, with_opt)}: {@code path()/name.safetensors}, plus
     * {@code name.opt.safetensors} with the optimizer state; see {@link Checkpoints}.
     *
     * @param name the checkpoint name, a plain file name without extension
     * @param withOpt whether to save the optimizer state too (when there is an optimizer)
     * @return the weights file, {@code path()/name.safetensors}
     * @throws java.io.IOException if the files cannot be written; the previous checkpoint is then intact
     * @throws IllegalArgumentException if {@code name} is blank, contains a path separator or starts with a dot
     */
    public Path save(String name, boolean withOpt) throws java.io.IOException { return Checkpoints.save(this, name, withOpt); }
    /**
     * fastai's {@code load(name)}: the weights (strict: every parameter present, no unexpected
     * one) and the optimizer state, from {@link #path()}.
     *
     * @param name the checkpoint name given to {@link #save}
     * @return this learner
     * @throws java.io.IOException if the weights file is missing ({@link java.nio.file.NoSuchFileException})
     *     or cannot be read or is not valid safetensors
     */
    public Learner load(String name) throws java.io.IOException { return load(name, true, true); }
    /**
     * fastai's {@code load(name, with_opt, strict)}: replaces the weights in place, and the
     * optimizer state when asked. A missing optimizer file is only a warning, as in fastai.
     *
     * @param name the checkpoint name given to {@link #save}
     * @param withOpt whether to load the optimizer state too (creating the optimizer if needed)
     * @param strict whether every model parameter must be in the file and nothing else; when
     *     false, missing and unexpected names are ignored (shapes must still match)
     * @return this learner
     * @throws java.io.IOException if the weights file is missing ({@link java.nio.file.NoSuchFileException})
     *     or cannot be read or is not valid safetensors
     * @throws IllegalArgumentException if the saved parameters do not fit the model (missing,
     *     unexpected or mis-shaped; nothing is changed) or the optimizer refuses the saved state
     *     (the weights are then put back)
     */
    public Learner load(String name, boolean withOpt, boolean strict) throws java.io.IOException {
        Checkpoints.load(this, name, withOpt, strict);
        return this;
    }
    /**
     * fastai's {@code export(fname)}: writes everything inference needs into a directory,
     * {@code weights.safetensors} and {@code manifest.json} (model, vocabulary, loss, transforms);
     * see {@link Export}. An existing export there is replaced once the new one is complete.
     *
     * @param dir the directory to create or replace
     * @return the export directory, as an absolute path
     * @throws java.io.IOException if it cannot be written; a previous export there is then intact
     */
    public Path export(Path dir) throws java.io.IOException { return Export.write(this, dir); }
    /**
     * fastai's {@code export()}: {@link #export(Path)} into {@code basePath()/export}.
     *
     * @return the export directory, as an absolute path
     * @throws java.io.IOException if it cannot be written; a previous export there is then intact
     */
    public Path export() throws java.io.IOException { return export(basePath.resolve("export")); }

    /** Runs the validation context of fastai on {@code dl} (used by {@link Evaluation}). */
    void runValidation(DataLoader dl) { loop.validationRun(dl); }

    /**
     * Frees the model's and the optimizer's native memory and ends the loaders' worker threads
     * (a loader iterated again later starts new ones, so loaders shared with another learner keep working).
     */
    @Override
    public void close() {
        try {
            for (DataLoader dl : new DataLoader[] {dls.train(), dls.valid()}) {
                if (dl instanceof AutoCloseable loader) {
                    loader.close();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("closing the data loaders failed: " + e.getMessage(), e);
        } finally {
            manager.close();
        }
    }
}
