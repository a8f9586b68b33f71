package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.List;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.losses.Loss;
import org.fastai4j.metrics.Metric;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Optimizer;

/**
 * CONTRACT SKELETON (to be implemented by the learner work): fastai's {@code Learner}. The public
 * signatures below are what other packages code against; the bodies are not written yet.
 */
public final class Learner implements AutoCloseable {

    private Learner() {}

    /** Starts a builder over data and any DJL block. */
    public static LearnerBuilder builder(DataLoaders dls, Block model) {
        throw todo();
    }

    // ---- parts
    /** The data. */
    public DataLoaders dls() { throw todo(); }
    /** The model. */
    public Block model() { throw todo(); }
    /** The loss function. */
    public Loss lossFunc() { throw todo(); }
    /** The optimizer (created on the first fit). */
    public Optimizer opt() { throw todo(); }
    /** The metrics. */
    public List<Metric> metrics() { throw todo(); }
    /** The learner's own manager (model parameters, optimizer state). */
    public NDManager manager() { throw todo(); }
    /** The folder for checkpoints ({@code path/modelDir}). */
    public Path path() { throw todo(); }

    // ---- loop state, readable and replaceable by callbacks
    public NDList xb() { throw todo(); }
    public void setXb(NDList xb) { throw todo(); }
    public NDList yb() { throw todo(); }
    public void setYb(NDList yb) { throw todo(); }
    public NDArray pred() { throw todo(); }
    public void setPred(NDArray pred) { throw todo(); }
    public NDArray loss() { throw todo(); }
    public void setLoss(NDArray loss) { throw todo(); }
    /** The current batch's manager: arrays made by callbacks during a batch belong here. */
    public NDManager batchManager() { throw todo(); }
    public boolean training() { throw todo(); }
    public int epoch() { throw todo(); }
    public int nEpoch() { throw todo(); }
    /** Batch index in the current phase. */
    public int iter() { throw todo(); }
    /** Batch count of the current phase. */
    public int nIter() { throw todo(); }
    /** Training batches done since the fit began. */
    public int trainIter() { throw todo(); }
    /** Fraction of training done, in [0, 1), fastai's {@code pct_train}. */
    public double pctTrain() { throw todo(); }

    // ---- callbacks
    public Learner addCb(Callback cb) { throw todo(); }
    public Learner removeCb(Callback cb) { throw todo(); }
    public <T extends Callback> T cb(Class<T> type) { throw todo(); }
    public List<Callback> callbacks() { throw todo(); }
    public Recorder recorder() { throw todo(); }

    // ---- training
    public void fit(int nEpoch, Lr lr, Callback... cbs) { throw todo(); }
    public void fit(int nEpoch, double lr) { fit(nEpoch, Lr.of(lr)); }
    public void fitOneCycle(int nEpoch, Lr lrMax, Callback... cbs) { throw todo(); }
    public void fitOneCycle(int nEpoch, double lrMax) { fitOneCycle(nEpoch, Lr.of(lrMax)); }
    public void fineTune(int epochs) { throw todo(); }
    public void freeze() { throw todo(); }
    public void freezeTo(int n) { throw todo(); }
    public void unfreeze() { throw todo(); }

    // ---- evaluation
    /** Validation loss then metrics on {@code dl}. */
    public double[] validate(DataLoader dl) { throw todo(); }
    /** Predictions on {@code dl}, in loader order. */
    public Preds getPreds(DataLoader dl, boolean withDecoded, boolean withLoss) { throw todo(); }

    @Override
    public void close() { throw todo(); }

    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("Learner: not implemented yet");
    }
}
