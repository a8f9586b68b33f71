package org.fastai4j.metrics;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * scikit-learn's score formulas on plain arrays, as fastai calls them ({@code skm.f1_score(targs,
 * preds)} and friends, default arguments). Labels are integral doubles. Where scikit-learn warns
 * and uses {@code zero_division}, these return 0 as it does; where it raises for a data-dependent
 * reason (ROC AUC with one class, R² with fewer than two samples) they return NaN.
 */
public final class Scores {

    private Scores() {}

    /** Which of precision, recall and F-beta. */
    private enum Kind { PRECISION, RECALL, F }

    /**
     * {@code precision_score(y_true, y_pred, average=..., pos_label=...)}.
     *
     * @param yTrue the true labels
     * @param yPred the predicted labels
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return the score
     */
    public static double precision(double[] yTrue, double[] yPred, Average average, int posLabel) {
        return prf(yTrue, yPred, average, posLabel, 1, Kind.PRECISION);
    }

    /**
     * {@code recall_score(y_true, y_pred, average=..., pos_label=...)}.
     *
     * @param yTrue the true labels
     * @param yPred the predicted labels
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return the score
     */
    public static double recall(double[] yTrue, double[] yPred, Average average, int posLabel) {
        return prf(yTrue, yPred, average, posLabel, 1, Kind.RECALL);
    }

    /**
     * {@code fbeta_score}: {@code (1+b²) tp / ((1+b²) tp + b² fn + fp)}, 0 when that is 0/0.
     *
     * @param yTrue the true labels
     * @param yPred the predicted labels
     * @param beta the weight of recall against precision, > 0
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return the score
     */
    public static double fBeta(double[] yTrue, double[] yPred, double beta, Average average, int posLabel) {
        if (!(beta > 0)) {
            throw new IllegalArgumentException("fBeta: beta must be > 0, got " + beta);
        }
        return prf(yTrue, yPred, average, posLabel, beta, Kind.F);
    }

    /**
     * {@code f1_score}: {@link #fBeta} with beta 1, i.e. {@code 2 tp / (2 tp + fn + fp)}.
     *
     * @param yTrue the true labels
     * @param yPred the predicted labels
     * @param average how per-class scores combine (scikit-learn's {@code average})
     * @param posLabel the positive class when {@code average} is {@link Average#BINARY}
     * @return the score
     */
    public static double f1(double[] yTrue, double[] yPred, Average average, int posLabel) {
        return fBeta(yTrue, yPred, 1, average, posLabel);
    }

    private static double prf(double[] yTrue, double[] yPred, Average average, int posLabel, double beta, Kind kind) {
        long[] t = labels(yTrue, "y_true");
        long[] p = labels(yPred, "y_pred");
        sameLength(t, p);
        long[] present = union(t, p);
        long[] labels = present;
        if (average == Average.BINARY) {
            if (present.length > 2) {
                throw new IllegalArgumentException("Target is multiclass (labels " + Arrays.toString(present)
                        + ") but average is BINARY; use MACRO, MICRO or WEIGHTED");
            }
            if (present.length == 2 && Arrays.binarySearch(present, posLabel) < 0) {
                throw new IllegalArgumentException("pos_label=" + posLabel + " is not a valid label: it should be one of "
                        + Arrays.toString(present));
            }
            labels = new long[] {posLabel};
        }
        double[] tp = new double[labels.length];
        double[] predSum = new double[labels.length];
        double[] trueSum = new double[labels.length];
        for (int i = 0; i < t.length; i++) {
            int ti = Arrays.binarySearch(labels, t[i]);
            int pi = Arrays.binarySearch(labels, p[i]);
            if (ti >= 0) {
                trueSum[ti]++;
            }
            if (pi >= 0) {
                predSum[pi]++;
                if (t[i] == p[i]) {
                    tp[pi]++;
                }
            }
        }
        if (average == Average.MICRO) {
            return score(sum(tp), sum(predSum), sum(trueSum), beta, kind);
        }
        double total = 0;
        double weights = 0;
        for (int l = 0; l < labels.length; l++) {
            double w = average == Average.WEIGHTED ? trueSum[l] : 1;
            total += w * score(tp[l], predSum[l], trueSum[l], beta, kind);
            weights += w;
        }
        return weights == 0 ? 0 : total / weights;
    }

    private static double score(double tp, double predSum, double trueSum, double beta, Kind kind) {
        return switch (kind) {
            case PRECISION -> predSum == 0 ? 0 : tp / predSum;
            case RECALL -> trueSum == 0 ? 0 : tp / trueSum;
            case F -> {
                double b2 = beta * beta;
                double fn = trueSum - tp;
                double fp = predSum - tp;
                double denom = (1 + b2) * tp + b2 * fn + fp;
                yield denom == 0 ? 0 : (1 + b2) * tp / denom;
            }
        };
    }

    /**
     * {@code roc_auc_score(y_true, y_score)} for two classes (the larger label is positive): the
     * area under the ROC curve with ties as trapezoids, which equals the Mann-Whitney statistic
     * with mid-ranks. NaN when {@code y_true} has a single class (scikit-learn raises there).
     *
     * @param yTrue the true labels
     * @param yScore the score of the positive class for each item
     * @return the score
     */
    public static double rocAucBinary(double[] yTrue, double[] yScore) {
        long[] t = labels(yTrue, "y_true");
        if (t.length != yScore.length) {
            throw new IllegalArgumentException("y_true has " + t.length + " values but y_score has " + yScore.length);
        }
        long[] classes = union(t, new long[0]);
        if (classes.length > 2) {
            throw new IllegalArgumentException("ROC AUC binary: y_true has more than two labels: " + Arrays.toString(classes));
        }
        if (classes.length < 2) {
            return Double.NaN;
        }
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(yScore[a], yScore[b]));
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && yScore[order[j + 1]] == yScore[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (t[order[k]] == classes[1]) {
                    positives++;
                    rankSum += midRank;
                }
            }
            i = j + 1;
        }
        double negatives = t.length - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /**
     * {@code matthews_corrcoef(y_true, y_pred)}, multiclass form: with the confusion matrix C,
     * {@code t_k} true counts, {@code p_k} predicted counts, {@code c} correct, {@code s} samples,
     * {@code (c s - t.p) / sqrt((s² - p.p)(s² - t.t))}, and 0 when the denominator is 0.
     *
     * @param yTrue the true labels
     * @param yPred the predicted labels
     * @return the score
     */
    public static double matthewsCorrcoef(double[] yTrue, double[] yPred) {
        long[] t = labels(yTrue, "y_true");
        long[] p = labels(yPred, "y_pred");
        sameLength(t, p);
        long[] labels = union(t, p);
        double[] tSum = new double[labels.length];
        double[] pSum = new double[labels.length];
        double correct = 0;
        for (int i = 0; i < t.length; i++) {
            tSum[Arrays.binarySearch(labels, t[i])]++;
            pSum[Arrays.binarySearch(labels, p[i])]++;
            if (t[i] == p[i]) {
                correct++;
            }
        }
        double s = t.length;
        double covYtYp = correct * s - dot(tSum, pSum);
        double covYpYp = s * s - dot(pSum, pSum);
        double covYtYt = s * s - dot(tSum, tSum);
        if (covYpYp * covYtYt == 0) {
            return 0;
        }
        return covYtYp / Math.sqrt(covYtYt * covYpYp);
    }

    /**
     * fastai's {@code _rmse}: {@code sqrt(mean((pred - targ)²))}.
     *
     * @param pred the predicted values, one per item
     * @param targ the target values, as many as {@code pred}
     * @return the score
     */
    public static double rmse(double[] pred, double[] targ) {
        sameLength(pred, targ);
        double s = 0;
        for (int i = 0; i < pred.length; i++) {
            double d = pred[i] - targ[i];
            s += d * d;
        }
        return Math.sqrt(s / pred.length);
    }

    /**
     * {@code r2_score(y_true, y_pred)}: {@code 1 - sum((t-p)²) / sum((t-mean t)²)}; when the
     * denominator is 0, 1 if the numerator is 0 too, else 0 (scikit-learn's force_finite); NaN for
     * fewer than two samples.
     *
     * @param yTrue the true labels
     * @param yPred the predicted labels
     * @return the score
     */
    public static double r2(double[] yTrue, double[] yPred) {
        sameLength(yTrue, yPred);
        if (yTrue.length < 2) {
            return Double.NaN;
        }
        double mean = Arrays.stream(yTrue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < yTrue.length; i++) {
            num += (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
            den += (yTrue[i] - mean) * (yTrue[i] - mean);
        }
        if (den == 0) {
            return num == 0 ? 1 : 0;
        }
        return 1 - num / den;
    }

    private static long[] labels(double[] v, String what) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] = " + v[i] + " is not a class label (an integer)");
            }
            out[i] = (long) v[i];
        }
        return out;
    }

    private static long[] union(long[] a, long[] b) {
        TreeSet<Long> set = new TreeSet<>();
        for (long x : a) {
            set.add(x);
        }
        for (long x : b) {
            set.add(x);
        }
        return set.stream().mapToLong(Long::longValue).toArray();
    }

    private static void sameLength(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("y_true has " + a.length + " values but y_pred has " + b.length);
        }
    }

    private static void sameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("predictions have " + a.length + " values but targets have " + b.length);
        }
    }

    private static double sum(double[] a) {
        return Arrays.stream(a).sum();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
