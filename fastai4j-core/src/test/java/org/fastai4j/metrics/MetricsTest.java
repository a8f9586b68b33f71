package org.fastai4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** fastai's metrics on small fixed batches, through NDArrays as the learner feeds them. */
class MetricsTest {

    /** Two-class logits whose argmax is {@code classes[i]}. */
    private static NDArray logits(NDManager m, int... classes) {
        float[] v = new float[classes.length * 2];
        for (int i = 0; i < classes.length; i++) {
            v[2 * i + classes[i]] = 1;
        }
        return m.create(v, new Shape(classes.length, 2));
    }

    private static double feed(Metric metric, NDManager m, int[][] preds, int[][] targets) {
        metric.reset();
        for (int b = 0; b < preds.length; b++) {
            metric.accumulate(logits(m, preds[b]), m.create(targets[b]).toType(DataType.INT64, false));
        }
        return metric.value();
    }

    @Test
    void accuracyIsWeightedByBatchSize() {
        // Batch 1: 4 items, 3 right (0.75). Batch 2: 2 items, none right (0).
        // fastai's AvgMetric: (0.75*4 + 0*2) / 6 = 0.5, not the plain batch mean 0.375.
        try (NDManager m = NDManager.newBaseManager()) {
            int[][] p = {{1, 0, 1, 1}, {1, 1}};
            int[][] t = {{1, 0, 1, 0}, {0, 0}};
            assertThat(feed(Metrics.accuracy(), m, p, t)).isCloseTo(0.5, within(1e-12));
            assertThat(feed(Metrics.errorRate(), m, p, t)).isCloseTo(0.5, within(1e-12));
            Metric acc = Metrics.accuracy();
            feed(acc, m, new int[][] {{1, 1, 1}}, new int[][] {{1, 1, 0}});
            assertThat(acc.value()).isCloseTo(2.0 / 3, within(1e-12));
        }
    }

    @Test
    void f1AccumulatesCountsInsteadOfAveragingBatches() {
        // Batch 1: targets [1,1,0,0], preds [1,0,0,0]: tp 1, fp 0, fn 1 -> F1 = 2/(2+0+1) = 2/3.
        // Batch 2: targets [0,0], preds [1,1]: tp 0, fp 2 -> F1 = 0.
        // A batch-size-weighted average would give (2/3*4 + 0*2)/6 = 4/9; fastai's AccumMetric pools
        // the counts: tp 1, fp 2, fn 1 -> F1 = 2/(2+2+1) = 0.4, precision 1/3, recall 1/2.
        try (NDManager m = NDManager.newBaseManager()) {
            int[][] p = {{1, 0, 0, 0}, {1, 1}};
            int[][] t = {{1, 1, 0, 0}, {0, 0}};
            assertThat(feed(Metrics.f1Score(), m, p, t)).isCloseTo(0.4, within(1e-12));
            assertThat(feed(Metrics.precision(), m, p, t)).isCloseTo(1.0 / 3, within(1e-12));
            assertThat(feed(Metrics.recall(), m, p, t)).isCloseTo(0.5, within(1e-12));
            // F2 pooled: (1+4)*1 / ((1+4)*1 + 4*1 + 2) = 5/11.
            assertThat(feed(Metrics.fBeta(2, Average.BINARY, 1), m, p, t)).isCloseTo(5.0 / 11, within(1e-12));
            // MCC pooled: s=6, correct=3, true counts [4,2], predicted [3,3]:
            // (3*6 - (12+6)) / sqrt((36-18)(36-20)) = 0.
            assertThat(feed(Metrics.matthewsCorrCoef(), m, p, t)).isCloseTo(0, within(1e-12));
            // MCC of batch 1 alone: tp 1, tn 2, fp 0, fn 1 -> (1*2 - 0*1)/sqrt(1*2*2*3) = 1/sqrt(3).
            assertThat(feed(Metrics.matthewsCorrCoef(), m, new int[][] {p[0]}, new int[][] {t[0]}))
                    .isCloseTo(1 / Math.sqrt(3), within(1e-12));
        }
    }

    @Test
    void rmseIsOverEverythingButMseIsBatchAveraged() {
        // Batch 1: errors [1, 1]; batch 2: error [3]. mse per batch 1 and 9, weighted (1*2 + 9*1)/3 = 11/3
        // (same as pooled for mse). rmse pooled: sqrt(11/3); averaging batch rmses would give 5/3.
        // mae: (1*2 + 3*1)/3 = 5/3.
        try (NDManager m = NDManager.newBaseManager()) {
            Metric rmse = Metrics.rmse();
            Metric mse = Metrics.mse();
            Metric mae = Metrics.mae();
            for (Metric metric : new Metric[] {rmse, mse, mae}) {
                metric.reset();
                metric.accumulate(m.create(new float[] {2, 3}, new Shape(2, 1)), m.create(new float[] {1, 2}));
                metric.accumulate(m.create(new float[] {0}, new Shape(1, 1)), m.create(new float[] {3}));
            }
            assertThat(rmse.value()).isCloseTo(Math.sqrt(11.0 / 3), within(1e-9));
            assertThat(mse.value()).isCloseTo(11.0 / 3, within(1e-9));
            assertThat(mae.value()).isCloseTo(5.0 / 3, within(1e-9));
        }
    }

    @Test
    void r2OverTwoBatchesIsScikitLearnsExample() {
        // scikit-learn's r2_score docstring: y_true [3, -0.5, 2, 7], y_pred [2.5, 0, 2, 8] -> 0.948...
        // mean 2.875, SS_tot = 29.1875, SS_res = 1.5, 1 - 1.5/29.1875 = 0.94860813704...
        try (NDManager m = NDManager.newBaseManager()) {
            Metric r2 = Metrics.r2Score();
            r2.reset();
            r2.accumulate(m.create(new float[] {2.5f, 0}), m.create(new float[] {3, -0.5f}));
            r2.accumulate(m.create(new float[] {2, 8}), m.create(new float[] {2, 7}));
            assertThat(r2.value()).isCloseTo(1 - 1.5 / 29.1875, within(1e-9));
        }
    }

    @Test
    void rocAucUsesTheSoftmaxOfTheLastColumn() {
        // Scores p = softmax([0, z])[1] = sigmoid(z). y = [0, 0, 1, 1], p = [0.1, 0.4, 0.35, 0.8]
        // (scikit-learn's roc_auc_score example): of the 4 (positive, negative) pairs, 3 are
        // ordered right -> 0.75.
        try (NDManager m = NDManager.newBaseManager()) {
            double[] p = {0.1, 0.4, 0.35, 0.8};
            float[] v = new float[8];
            for (int i = 0; i < p.length; i++) {
                v[2 * i + 1] = (float) Math.log(p[i] / (1 - p[i]));
            }
            Metric auc = Metrics.rocAucBinary();
            auc.reset();
            auc.accumulate(m.create(v, new Shape(4, 2)), m.create(new long[] {0, 0, 1, 1}));
            assertThat(auc.value()).isCloseTo(0.75, within(1e-6));
            auc.reset();
            auc.accumulate(m.create(v, new Shape(4, 2)), m.create(new long[] {1, 1, 1, 1}));
            assertThat(auc.value()).as("one class: undefined").isNaN();
        }
    }

    @Test
    void topKAccuracyCountsTargetsAmongTheKLargest() {
        // Row 0: target 2 is the 2nd largest (in top 2, not top 1); row 1: target 0 is the smallest.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {0.5f, 0.1f, 0.3f, 0.1f, 0.6f, 0.3f}, new Shape(2, 3));
            NDArray y = m.create(new long[] {2, 0});
            Metric top2 = Metrics.topKAccuracy(2);
            top2.reset();
            top2.accumulate(pred, y);
            assertThat(top2.value()).isEqualTo(0.5);
            Metric top3 = Metrics.topKAccuracy(3);
            top3.reset();
            top3.accumulate(pred, y);
            assertThat(top3.value()).isEqualTo(1.0);
            Metric top5 = Metrics.topKAccuracy();
            assertThatThrownBy(() -> top5.accumulate(pred, y))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k=5").hasMessageContaining("3 classes");
        }
    }

    @Test
    void accuracyMultiThresholdsSigmoidsAndWeightsByRows() {
        // Batch 1 (1 row): logits [2, -2, 0] -> sigmoid [0.88, 0.12, 0.5] > 0.5 -> [1, 0, 0];
        // target [1, 1, 0] -> 2 of 3 right. Batch 2 (2 rows): logits all -3 -> all 0; targets all 0
        // -> 1. fastai weights by rows: (2/3*1 + 1*2)/3 = 8/9.
        try (NDManager m = NDManager.newBaseManager()) {
            Metric acc = Metrics.accuracyMulti();
            acc.reset();
            acc.accumulate(m.create(new float[] {2, -2, 0}, new Shape(1, 3)), m.create(new float[] {1, 1, 0}, new Shape(1, 3)));
            acc.accumulate(m.full(new Shape(2, 3), -3f), m.zeros(new Shape(2, 3)));
            assertThat(acc.value()).isCloseTo(8.0 / 9, within(1e-12));
            // Without sigmoid, the raw values are thresholded: 2 > 0.5, -2 and 0 are not.
            Metric raw = Metrics.accuracyMulti(0.5, false);
            raw.reset();
            raw.accumulate(m.create(new float[] {2, -2, 0}, new Shape(1, 3)), m.create(new float[] {1, 0, 0}, new Shape(1, 3)));
            assertThat(raw.value()).isEqualTo(1.0);
        }
    }

    @Test
    void fastaiNamesAndEmptyValues() {
        Metric[] all = {Metrics.accuracy(), Metrics.errorRate(), Metrics.topKAccuracy(), Metrics.precision(),
            Metrics.recall(), Metrics.f1Score(), Metrics.rocAucBinary(), Metrics.matthewsCorrCoef(), Metrics.mse(),
            Metrics.rmse(), Metrics.mae(), Metrics.r2Score(), Metrics.accuracyMulti()};
        String[] names = {"accuracy", "error_rate", "top_k_accuracy", "precision_score", "recall_score", "f1_score",
            "roc_auc_score", "matthews_corrcoef", "mse", "rmse", "mae", "r2_score", "accuracy_multi"};
        for (int i = 0; i < all.length; i++) {
            assertThat(all[i].name()).isEqualTo(names[i]);
            all[i].reset();
            assertThat(all[i].value()).as(names[i] + " with nothing accumulated").isNaN();
        }
        assertThat(Metrics.accuracy()).isInstanceOf(AvgMetric.class);
        assertThat(Metrics.rmse()).isInstanceOf(AccumMetric.class);
    }

    @Test
    void resetForgetsAndNothingNativeIsKept() {
        try (NDManager m = NDManager.newBaseManager()) {
            Metric f1 = Metrics.f1Score();
            Metric acc = Metrics.accuracy();
            try (NDManager batch = m.newSubManager()) {
                NDArray pred = logits(batch, 1, 1).toType(DataType.FLOAT16, false);
                NDArray y = batch.create(new int[] {1, 0});
                int live = batch.getManagedArrays().size();
                f1.accumulate(pred, y);
                acc.accumulate(pred, y);
                assertThat(batch.getManagedArrays()).as("no array left behind by accumulate").hasSize(live);
            }
            // The batch's arrays are closed; the metrics still have their copies: tp 1, fp 1 -> F1 2/3.
            assertThat(f1.value()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(acc.value()).isEqualTo(0.5);
            f1.reset();
            acc.reset();
            assertThat(f1.value()).isNaN();
            assertThat(acc.value()).isNaN();
        }
    }

    @Test
    void mismatchedSizesAreNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            Metric acc = Metrics.accuracy();
            assertThatThrownBy(() -> acc.accumulate(logits(m, 1, 0), m.create(new long[] {1, 0, 1})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accuracy: 2 predictions but 3 targets");
            Metric f1 = Metrics.f1Score();
            assertThatThrownBy(() -> f1.accumulate(logits(m, 1, 0), m.create(new long[] {1})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("f1_score");
        }
    }
}
