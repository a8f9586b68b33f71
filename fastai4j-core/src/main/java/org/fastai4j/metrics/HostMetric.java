package org.fastai4j.metrics;

import ai.djl.ndarray.NDArray;

/**
 * A named metric that works on host copies of each batch: {@link #accumulate(NDArray, NDArray)}
 * copies prediction and target to {@link HostArray}s and hands them to
 * {@link #accumulate(HostArray, HostArray)}, so no NDArray outlives the batch.
 */
abstract class HostMetric implements Metric {

    private final String name;

    HostMetric(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final void accumulate(NDArray pred, NDArray target) {
        HostArray t = HostArray.of(target);
        accumulate(HostArray.of(pred), t);
    }

    /**
     * Adds one batch given as host arrays.
     *
     * @param pred the raw prediction of the batch
     * @param target the target of the batch
     */
    public abstract void accumulate(HostArray pred, HostArray target);
}
