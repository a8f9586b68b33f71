package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.function.Consumer;
import org.fastai4j.data.DataLoader;

/** The loop's mutable state, shared by {@link Learner} (accessors) and {@link TrainingLoop}. */
final class LoopState {
    NDList xb = new NDList();
    NDList yb = new NDList();
    NDArray pred;
    NDArray loss;
    NDArray lossGrad;
    NDManager batchManager;
    int[] batchIndices = new int[0];
    DataLoader dl;
    boolean training;
    int epoch;
    int nEpoch = 1;
    int iter;
    int nIter;
    int trainIter;
    double pctTrain;
    boolean validationContext;
    boolean noLogging;
    Consumer<List<Object>> logger = row -> {};

    /** Forgets everything that belonged to the batch that just ended. */
    void clearBatch() {
        xb = new NDList();
        yb = new NDList();
        pred = null;
        loss = null;
        lossGrad = null;
        batchManager = null;
        batchIndices = new int[0];
    }
}
