package org.fastai4j.metrics;

/**
 * fastai's metrics by name, with fastai's defaults and column names. Batch-averaged ({@link
 * AvgMetric}): {@link #accuracy}, {@link #errorRate}, {@link #topKAccuracy}, {@link
 * #accuracyMulti}, {@link #mse}, {@link #mae}. Accumulated ({@link AccumMetric}): {@link
 * #precision}, {@link #recall}, {@link #f1Score}, {@link #rocAucBinary}, {@link
 * #matthewsCorrCoef}, {@link #rmse}, {@link #r2Score}. Each call returns a new metric.
 */
public final class Metrics {

    private Metrics() {}

    /**
     * fastai's {@code accuracy}: argmax over the last axis equals the target, batch mean.
     *
     * @return a new metric
     */
    public static AvgMetric accuracy() {
        return new AvgMetric("accuracy", BatchMetrics::accuracy);
    }

    /**
     * fastai's {@code error_rate}: {@code 1 - accuracy}.
     *
     * @return a new metric
     */
    public static AvgMetric errorRate() {
        return new AvgMetric("error_rate", (p, t) -> 1 - BatchMetrics.accuracy(p, t));
    }

    /**
     * fastai's {@code top_k_accuracy} with k = 5.
     *
     * @return a new metric
     */
    public static AvgMetric topKAccuracy() {
        return topKAccuracy(5);
    }

    /**
     * fastai's {@code top_k_accuracy}: the target is among the k largest outputs of its row.
     *
     * @param k how many of the largest outputs count, >= 1
     * @return a new metric
     */
    public static AvgMetric topKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("topKAccuracy: k must be >= 1, got " + k);
        }
        return new AvgMetric("top_k_accuracy", (p, t) -> BatchMetrics.topKAccuracy(p, t, k));
    }

    /**
     * fastai's {@code accuracy_multi} with thresh 0.5 and sigmoid.
     *
     * @return a new metric
     */
    public static AvgMetric accuracyMulti() {
        return accuracyMulti(0.5, true);
    }

    /**
     * fastai's {@code accuracy_multi}: {@code ((sigmoid(x) > thresh) == targ).mean()} over all values.
     *
     * @param thresh the value an output must exceed to count as positive
     * @param sigmoid whether the sigmoid is applied to the outputs first
     * @return a new metric
     */
    public static AvgMetric accuracyMulti(double thresh, boolean sigmoid) {
        return new AvgMetric("accuracy_multi", (p, t) -> BatchMetrics.accuracyMulti(p, t, thresh, sigmoid));
    }

    /**
     * fastai's {@code mse}: mean squared error of the flattened batch.
     *
     * @return a new metric
     */
    public static AvgMetric mse() {
        return new AvgMetric("mse", (p, t) -> BatchMetrics.meanError(p, t, true));
    }

    /**
     * fastai's {@code mae}: mean absolute error of the flattened batch.
     *
     * @return a new metric
     */
    public static AvgMetric mae() {
        return new AvgMetric("mae", (p, t) -> BatchMetrics.meanError(p, t, false));
    }

    /**
     * fastai's {@code rmse}: square root of the mean squared error over everything (not per batch).
     *
     * @return a new metric
     */
    public static AccumMetric rmse() {
        return new AccumMetric("rmse", AccumMetric.Activation.NONE, Double.NaN, Scores::rmse);
    }

    /**
     * fastai's {@code R2Score()}: scikit-learn's {@code r2_score} over everything.
     *
     * @return a new metric
     */
    public static AccumMetric r2Score() {
        return new AccumMetric("r2_score", AccumMetric.Activation.NONE, Double.NaN, (p, t) -> Scores.r2(t, p));
    }

    /**
     * fastai's {@code Precision()}: binary, positive label 1.
     *
     * @return a new metric
     */
    public static AccumMetric precision() {
        return precision(Average.BINARY, 1);
    }

    /**
     * fastai's {@code Precision(average=..., pos_label=...)} on argmax predictions.
     *
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return a new metric
     */
    public static AccumMetric precision(Average average, int posLabel) {
        checkAverage(average);
        return classification("precision_score", (p, t) -> Scores.precision(t, p, average, posLabel));
    }

    /**
     * fastai's {@code Recall()}: binary, positive label 1.
     *
     * @return a new metric
     */
    public static AccumMetric recall() {
        return recall(Average.BINARY, 1);
    }

    /**
     * fastai's {@code Recall(average=..., pos_label=...)} on argmax predictions.
     *
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return a new metric
     */
    public static AccumMetric recall(Average average, int posLabel) {
        checkAverage(average);
        return classification("recall_score", (p, t) -> Scores.recall(t, p, average, posLabel));
    }

    /**
     * fastai's {@code F1Score()}: binary, positive label 1.
     *
     * @return a new metric
     */
    public static AccumMetric f1Score() {
        return f1Score(Average.BINARY, 1);
    }

    /**
     * fastai's {@code F1Score(average=..., pos_label=...)} on argmax predictions.
     *
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return a new metric
     */
    public static AccumMetric f1Score(Average average, int posLabel) {
        checkAverage(average);
        return classification("f1_score", (p, t) -> Scores.f1(t, p, average, posLabel));
    }

    /**
     * fastai's {@code FBeta(beta, average=..., pos_label=...)} on argmax predictions.
     *
     * @param beta the weight of recall against precision, > 0
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return a new metric
     */
    public static AccumMetric fBeta(double beta, Average average, int posLabel) {
        checkAverage(average);
        if (!(beta > 0)) {
            throw new IllegalArgumentException("fBeta: beta must be > 0, got " + beta);
        }
        return classification("fbeta_score", (p, t) -> Scores.fBeta(t, p, beta, average, posLabel));
    }

    /**
     * fastai's {@code RocAucBinary()}: softmax, last column as the positive score.
     *
     * @return a new metric
     */
    public static AccumMetric rocAucBinary() {
        return new AccumMetric("roc_auc_score", AccumMetric.Activation.BINARY_SOFTMAX, Double.NaN,
                (p, t) -> Scores.rocAucBinary(t, p));
    }

    /**
     * fastai's {@code MatthewsCorrCoef()} on argmax predictions.
     *
     * @return a new metric
     */
    public static AccumMetric matthewsCorrCoef() {
        return classification("matthews_corrcoef", (p, t) -> Scores.matthewsCorrcoef(t, p));
    }

    private static AccumMetric classification(String name, AccumMetric.AccumFunction f) {
        return new AccumMetric(name, AccumMetric.Activation.ARGMAX, Double.NaN, f);
    }

    private static void checkAverage(Average average) {
        if (average == null) {
            throw new IllegalArgumentException("average must be one of BINARY, MACRO, MICRO, WEIGHTED, got null");
        }
    }
}
