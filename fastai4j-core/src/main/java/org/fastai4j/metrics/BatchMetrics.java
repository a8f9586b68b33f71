package org.fastai4j.metrics;

import java.util.Arrays;

/** fastai's per-batch metric functions on host arrays (used by {@link Metrics}). */
final class BatchMetrics {

    private BatchMetrics() {}

    /** {@code (pred.argmax(-1) == targ).float().mean()} after fastai's {@code flatten_check}. */
    static double accuracy(HostArray pred, HostArray target) {
        double[] p = pred.argmaxLastAxis();
        double[] t = target.values();
        check(p.length, t.length, "accuracy", pred, target);
        int hits = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == t[i]) {
                hits++;
            }
        }
        return (double) hits / p.length;
    }

    /**
     * fastai's {@code top_k_accuracy}: whether the target is among the k largest outputs of its
     * row. A row counts when fewer than k outputs are strictly larger than the target's (torch's
     * {@code topk} order among equal values is unspecified).
     */
    static double topKAccuracy(HostArray pred, HostArray target, int k) {
        int c = pred.lastDim();
        if (k > c) {
            throw new IllegalArgumentException("top_k_accuracy: k=" + k + " exceeds the " + c + " classes of the prediction");
        }
        double[] x = pred.values();
        double[] t = target.values();
        int rows = pred.rowCount();
        check(rows, t.length, "top_k_accuracy", pred, target);
        int hits = 0;
        for (int r = 0; r < rows; r++) {
            int cls = (int) t[r];
            if (cls < 0 || cls >= c || cls != t[r]) {
                throw new IllegalArgumentException("top_k_accuracy: target " + t[r] + " is not a class in [0, " + c + ")");
            }
            double own = x[r * c + cls];
            int larger = 0;
            for (int j = 0; j < c; j++) {
                if (x[r * c + j] > own) {
                    larger++;
                }
            }
            if (larger < k) {
                hits++;
            }
        }
        return (double) hits / rows;
    }

    /** fastai's {@code accuracy_multi}: {@code ((sigmoid(inp) > thresh) == targ.bool()).float().mean()}. */
    static double accuracyMulti(HostArray pred, HostArray target, double thresh, boolean sigmoid) {
        double[] p = sigmoid ? pred.sigmoid() : pred.values();
        double[] t = target.values();
        check(p.length, t.length, "accuracy_multi", pred, target);
        int hits = 0;
        for (int i = 0; i < p.length; i++) {
            if ((p[i] > thresh) == (t[i] != 0)) {
                hits++;
            }
        }
        return (double) hits / p.length;
    }

    /** fastai's {@code mse} (squared) or {@code mae} (absolute) of the flattened batch. */
    static double meanError(HostArray pred, HostArray target, boolean squared) {
        double[] p = pred.values();
        double[] t = target.values();
        check(p.length, t.length, squared ? "mse" : "mae", pred, target);
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - t[i];
            s += squared ? d * d : Math.abs(d);
        }
        return s / p.length;
    }

    private static void check(int preds, int targets, String metric, HostArray pred, HostArray target) {
        if (preds != targets) {
            throw new IllegalArgumentException(metric + ": " + preds + " predictions but " + targets
                    + " targets; shapes " + Arrays.toString(pred.shape()) + " and " + Arrays.toString(target.shape()));
        }
    }
}
