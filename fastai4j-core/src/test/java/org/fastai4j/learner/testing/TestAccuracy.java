package org.fastai4j.learner.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.fastai4j.metrics.Metric;

/** TEST FIXTURE: single-label accuracy (argmax of the last axis equals the target). */
public final class TestAccuracy implements Metric {
    private long correct;
    private long total;

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void accumulate(NDArray pred, NDArray target) {
        long[] p = pred.argMax(-1).toType(DataType.INT64, false).toLongArray();
        long[] t = target.toType(DataType.INT64, false).toLongArray();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == t[i]) {
                correct++;
            }
        }
        total += p.length;
    }

    @Override
    public double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
