/**
 * fastai's metrics, by name: {@link org.fastai4j.metrics.Metrics} builds them.
 *
 * <p>Two kinds, as fastai: an {@link org.fastai4j.metrics.AvgMetric} computes a value per batch
 * and averages the batches weighted by their size (accuracy, error_rate, mse, ...); an
 * {@link org.fastai4j.metrics.AccumMetric} keeps every prediction and target and computes once at
 * the end (precision, recall, F1, ROC AUC, Matthews, rmse, R²), which differs from a batch
 * average. Both copy what they need to Java arrays at once and never keep an {@code NDArray}.
 * {@link org.fastai4j.metrics.Scores} holds scikit-learn's formulas on plain arrays.
 */
package org.fastai4j.metrics;
