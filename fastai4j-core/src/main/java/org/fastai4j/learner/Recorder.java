package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.metrics.Metric;
import org.fastai4j.plot.Figure;

/**
 * fastai's {@code Recorder} (a default callback, order 50): per training batch the learning rate
 * and momentum of the last parameter group, the raw loss and fastai's smoothed loss
 * ({@link AvgSmoothLoss}, beta 0.98); per epoch {@code train_loss} (the smoothed loss at the end
 * of training, as fastai), {@code valid_loss} (batch-size-weighted mean), the metrics and the
 * time. It hands each epoch row to the learner's logger (the epoch table). Holds only Java values.
 *
 * <p>Unlike fastai, {@link Learner#validate} and {@link Learner#getPreds} leave the training
 * history in place (fastai starts a new record there); they only set {@link #finalRecord()}.
 * A cancelled phase leaves NaN in its columns so rows keep their width.
 */
public class Recorder implements Callback {
    private final AvgSmoothLoss smooth;
    private final DoubleSeries lrs = new DoubleSeries();
    private final DoubleSeries moms = new DoubleSeries();
    private final DoubleSeries rawLosses = new DoubleSeries();
    private final DoubleSeries losses = new DoubleSeries();
    private final List<Integer> batchEpochs = new ArrayList<>();
    private final List<Integer> iters = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private final List<String> times = new ArrayList<>();
    private List<String> metricNames = List.of();
    private Map<String, double[]> hps = Map.of();
    private double[] finalRecord = new double[0];
    private double validTotal;
    private long validCount;
    private List<Object> log = new ArrayList<>();
    private long epochStart;
    private boolean cancelTrain;
    private boolean cancelValid;

    /** A recorder with fastai's beta 0.98. */
    public Recorder() {
        this(0.98);
    }

    /**
     * A recorder smoothing with {@code beta}.
     *
     * @param beta the weight of the previous average in the smoothed loss, in [0, 1)
     */
    public Recorder(double beta) {
        this.smooth = new AvgSmoothLoss(beta);
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void beforeFit(Learner learn) {
        List<String> names = new ArrayList<>(List.of("epoch", "train_loss", "valid_loss"));
        learn.metrics().forEach(m -> names.add(m.name()));
        names.add("time");
        metricNames = List.copyOf(names);
        if (learn.inValidationContext()) {
            return;
        }
        lrs.clear();
        moms.clear();
        rawLosses.clear();
        losses.clear();
        batchEpochs.clear();
        iters.clear();
        values.clear();
        times.clear();
        hps = Map.of();
        smooth.reset();
    }

    @Override
    public void beforeEpoch(Learner learn) {
        cancelTrain = false;
        cancelValid = false;
        epochStart = System.nanoTime();
        log = new ArrayList<>();
        log.add(learn.epoch());
    }

    @Override
    public void afterBatch(Learner learn) {
        if (learn.yb().isEmpty() || learn.loss() == null) {
            return;
        }
        double loss = scalar(learn.loss());
        if (learn.training()) {
            smooth.accumulate(loss);
            lrs.add(last(learn, "lr"));
            moms.add(last(learn, "mom"));
            rawLosses.add(loss);
            losses.add(smooth.value());
            batchEpochs.add(learn.epoch());
        } else {
            long bs = learn.yb().head().getShape().get(0);
            validTotal += loss * bs;
            validCount += bs;
            for (Metric m : learn.metrics()) {
                m.accumulate(learn.pred(), learn.yb().head());
            }
        }
    }

    @Override
    public void beforeValidate(Learner learn) {
        validTotal = 0;
        validCount = 0;
        learn.metrics().forEach(Metric::reset);
    }

    @Override
    public void afterTrain(Learner learn) {
        log.add(cancelTrain ? Double.NaN : smooth.value());
    }

    @Override
    public void afterValidate(Learner learn) {
        if (log.size() < 2) {
            log.add(Double.NaN); // validation without a training phase (validate, getPreds)
        }
        log.add(cancelValid || validCount == 0 ? Double.NaN : validTotal / validCount);
        for (Metric m : learn.metrics()) {
            log.add(cancelValid ? Double.NaN : m.value());
        }
    }

    @Override
    public void afterCancelTrain(Learner learn) {
        cancelTrain = true;
    }

    @Override
    public void afterCancelValidate(Learner learn) {
        cancelValid = true;
    }

    @Override
    public void afterEpoch(Learner learn) {
        while (log.size() < metricNames.size() - 1) {
            log.add(Double.NaN); // a phase that never ran (cancelled epoch)
        }
        double[] record = new double[log.size() - 1];
        for (int i = 1; i < log.size(); i++) {
            record[i - 1] = ((Number) log.get(i)).doubleValue();
        }
        finalRecord = record;
        if (learn.inValidationContext()) {
            return;
        }
        values.add(record);
        String time = FormatTime.format((System.nanoTime() - epochStart) / 1e9);
        times.add(time);
        log.add(time);
        learn.logger().accept(List.copyOf(log));
        iters.add(smooth.count());
    }

    private static double scalar(NDArray loss) {
        return loss.getShape().size() == 1 ? loss.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble()
                : loss.mean().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
    }

    private static double last(Learner learn, String key) {
        try {
            double[] v = learn.opt().hyper(key);
            return v.length == 0 ? Double.NaN : v[v.length - 1];
        } catch (IllegalArgumentException e) {
            return Double.NaN; // the optimizer has no such hyper-parameter (e.g. no momentum)
        }
    }

    /**
     * Sets the hyper-parameters a scheduler recorded per batch (fastai's {@code recorder.hps}).
     *
     * @param hps each hyper-parameter's value per training batch, by name (copied)
     */
    public void setHps(Map<String, double[]> hps) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        hps.forEach((k, v) -> copy.put(k, v.clone()));
        this.hps = Collections.unmodifiableMap(copy);
    }

    /** {@return the hyper-parameters scheduled in the last fit, per training batch} */
    public Map<String, double[]> hps() { return hps; }
    /** {@return the learning rate of the last group, per training batch} */
    public double[] lrs() { return lrs.toArray(); }
    /** {@return the momentum of the last group, per training batch (NaN when the optimizer has none)} */
    public double[] moms() { return moms.toArray(); }
    /** {@return the smoothed loss after each training batch (fastai's {@code recorder.losses})} */
    public double[] losses() { return losses.toArray(); }
    /** {@return the raw loss of each training batch} */
    public double[] rawLosses() { return rawLosses.toArray(); }
    /** {@return the epoch of each training batch} */
    public int[] batchEpochs() { return batchEpochs.stream().mapToInt(Integer::intValue).toArray(); }
    /** {@return the training batch count at the end of each epoch (fastai's {@code recorder.iters})} */
    public int[] iters() { return iters.stream().mapToInt(Integer::intValue).toArray(); }
    /** {@return per epoch: train_loss, valid_loss, then the metrics (fastai's {@code recorder.values})} */
    public List<double[]> values() { return values.stream().map(double[]::clone).toList(); }
    /** {@return the formatted time of each epoch} */
    public List<String> times() { return List.copyOf(times); }
    /** {@return the column names: epoch, train_loss, valid_loss, metrics, time} */
    public List<String> metricNames() { return metricNames; }
    /** {@return the values of the last epoch or validation: [train_loss, valid_loss, metrics...]} */
    public double[] finalRecord() { return finalRecord.clone(); }
    /** {@return the current smoothed loss (fastai's {@code learn.smooth_loss})} */
    public double smoothLoss() { return smooth.value(); }

    /**
     * Writes the epoch table as CSV (epoch,train_loss,valid_loss,metrics,time), atomically.
     *
     * @param file the CSV file
     * @return the absolute path of the written file
     * @throws IOException if the file cannot be written
     */
    public Path writeHistory(Path file) throws IOException { return RecorderCsv.writeHistory(this, file); }
    /**
     * Writes one row per training batch (iter,epoch,lr,mom,loss,smooth_loss), atomically.
     *
     * @param file the CSV file
     * @return the absolute path of the written file
     * @throws IOException if the file cannot be written
     */
    public Path writeBatches(Path file) throws IOException { return RecorderCsv.writeBatches(this, file); }
    /**
     * fastai's {@code plot_loss()}: smoothed training loss from batch 5, validation loss per epoch.
     *
     * @return the figure
     */
    public Figure plotLoss() { return RecorderPlots.plotLoss(this, 5, true); }
    /**
     * fastai's {@code plot_loss(skip_start, with_valid)}.
     *
     * @param skipStart the number of batches left out at the start
     * @param withValid whether the validation losses are drawn
     * @return the figure
     */
    public Figure plotLoss(int skipStart, boolean withValid) { return RecorderPlots.plotLoss(this, skipStart, withValid); }
    /**
     * fastai's {@code plot_sched()}: each scheduled hyper-parameter (else lr and mom) per batch.
     *
     * @return the figure
     */
    public Figure plotSched() { return RecorderPlots.plotSched(this); }
}
