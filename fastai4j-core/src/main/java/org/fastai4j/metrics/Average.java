package org.fastai4j.metrics;

/** scikit-learn's {@code average} for precision, recall and F-scores. */
public enum Average {
    /** The score of the positive label only; the targets must have at most two labels. */
    BINARY,
    /** The unweighted mean of the per-label scores. */
    MACRO,
    /** The score of the pooled counts (true positives, predicted and true totals over labels). */
    MICRO,
    /** The mean of the per-label scores weighted by each label's true count (support). */
    WEIGHTED
}
