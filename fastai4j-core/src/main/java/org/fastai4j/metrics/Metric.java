package org.fastai4j.metrics;

import ai.djl.ndarray.NDArray;

/**
 * A validation metric, fastai's {@code Metric}: reset before validation, accumulate each batch,
 * read the value after. Implementations either weight per-batch values by batch size
 * ({@code AvgMetric}) or keep predictions and compute once ({@code AccumMetric}), as fastai does.
 */
public interface Metric {
    /** {@return the column name in the epoch table (fastai's, e.g. {@code error_rate})} */
    String name();

    /** Forgets what was accumulated. */
    void reset();

    /**
     * Adds one batch: raw predictions and targets. Must not keep references to the arrays.
     *
     * @param pred the model's raw output for the batch
     * @param target the batch's targets
     */
    void accumulate(NDArray pred, NDArray target);

    /** {@return the value over what was accumulated (NaN when nothing was)} */
    double value();
}
