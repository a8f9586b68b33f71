package org.fastai4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Recorder;

/**
 * Keeps what the run folder needs across every fit of a run (fine-tune is two fits, and the
 * Recorder starts afresh at each): each epoch's row, each training batch's lr, mom and losses,
 * each epoch's wall time and the training throughput. Runs after the Recorder.
 */
final class RunLog implements Callback {
    /** One training batch: global iteration, global epoch, lr, mom, raw and smoothed loss. */
    record BatchRow(int iter, int epoch, double lr, double mom, double loss, double smoothLoss) {}

    private final List<double[]> epochRows = new ArrayList<>();
    private final List<BatchRow> batchRows = new ArrayList<>();
    private final List<Double> epochSeconds = new ArrayList<>();
    private List<String> columns = List.of();
    private int epochsBefore;
    private long epochStart;
    private long trainStart;
    private long trainNanos;
    private long trainImages;

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void beforeFit(Learner learn) {
        columns = learn.recorder().metricNames();
    }

    @Override
    public void beforeEpoch(Learner learn) {
        epochStart = System.nanoTime();
    }

    @Override
    public void beforeTrain(Learner learn) {
        trainStart = System.nanoTime();
    }

    @Override
    public void afterBatch(Learner learn) {
        if (!learn.training()) {
            return;
        }
        trainImages += learn.batchIndices().length;
        Recorder r = learn.recorder();
        double[] lrs = r.lrs();
        double[] moms = r.moms();
        double[] raw = r.rawLosses();
        double[] smooth = r.losses();
        int i = lrs.length - 1;
        if (i >= 0) {
            batchRows.add(new BatchRow(batchRows.size(), epochsBefore + learn.epoch(), lrs[i],
                    i < moms.length ? moms[i] : Double.NaN, raw[i], smooth[i]));
        }
    }

    @Override
    public void afterTrain(Learner learn) {
        trainNanos += System.nanoTime() - trainStart;
    }

    @Override
    public void afterEpoch(Learner learn) {
        epochSeconds.add((System.nanoTime() - epochStart) / 1e9);
        List<double[]> values = learn.recorder().values();
        if (!values.isEmpty()) {
            epochRows.add(values.get(values.size() - 1));
        }
    }

    @Override
    public void afterFit(Learner learn) {
        epochsBefore = epochRows.size();
    }

    /** Forgets what was logged (after the LR finder's sweep, which is not part of the run's training). */
    void reset() {
        epochRows.clear();
        batchRows.clear();
        epochSeconds.clear();
        epochsBefore = 0;
        trainNanos = 0;
        trainImages = 0;
    }

    /** The epoch table's columns (epoch, train_loss, valid_loss, metrics..., time). */
    List<String> columns() {
        return columns;
    }

    /** Each epoch's values: train_loss, valid_loss, metrics... */
    List<double[]> epochRows() {
        return List.copyOf(epochRows);
    }

    List<BatchRow> batchRows() {
        return List.copyOf(batchRows);
    }

    List<Double> epochSeconds() {
        return List.copyOf(epochSeconds);
    }

    /** Training images per second over all training phases (NaN before any). */
    double trainImagesPerSecond() {
        return trainNanos == 0 ? Double.NaN : trainImages / (trainNanos / 1e9);
    }
}
