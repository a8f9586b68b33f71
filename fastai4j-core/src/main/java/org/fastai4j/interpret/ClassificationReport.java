package org.fastai4j.interpret;

import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.Formats;

/**
 * Per-class precision, recall, F1 and support with accuracy and macro and weighted averages, as
 * scikit-learn's {@code classification_report} computes them (what fastai's {@code
 * print_classification_report} prints): precision = TP / (TP + FP), recall = TP / support, F1 =
 * 2·P·R / (P + R), each 0 when its denominator is 0 (sklearn's {@code zero_division} default);
 * the macro average is the plain mean over classes, the weighted average weighs by support.
 *
 * @param classes one row per class, in vocabulary order
 * @param accuracy correct predictions / all items
 * @param macroAvg unweighted means (its support is the total)
 * @param weightedAvg support-weighted means (its support is the total)
 */
public record ClassificationReport(List<Scores> classes, double accuracy, Scores macroAvg, Scores weightedAvg) {

    /**
     * The scores of one class or one average.
     *
     * @param name class name, or "macro avg" / "weighted avg"
     * @param precision TP / (TP + FP)
     * @param recall TP / support
     * @param f1 harmonic mean of precision and recall
     * @param support the number of items whose actual class this is (the total for averages)
     */
    public record Scores(String name, double precision, double recall, double f1, int support) {
    }

    /**
     * Copies the class list.
     *
     * @param classes one row per class, in vocabulary order
     * @param accuracy correct predictions / all items
     * @param macroAvg unweighted means (its support is the total)
     * @param weightedAvg support-weighted means (its support is the total)
     */
    public ClassificationReport {
        classes = List.copyOf(classes);
    }

    /**
     * Computes the report from a confusion matrix, with every vocabulary class included (as fastai
     * passes {@code labels=vocab} to scikit-learn), even one with no items.
     *
     * @param cm the n×n confusion matrix: {@code cm[actual][predicted]} counts the items of class
     *     {@code actual} predicted as {@code predicted}
     * @param names the n class names, in the matrix's order
     * @return the report of confusion matrix {@code cm}
     */
    public static ClassificationReport of(int[][] cm, List<String> names) {
        int n = names.size();
        List<Scores> rows = new ArrayList<>();
        long total = 0;
        long correct = 0;
        double[] macro = new double[3];
        double[] weighted = new double[3];
        for (int c = 0; c < n; c++) {
            int tp = cm[c][c];
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < n; k++) {
                support += cm[c][k];
                predicted += cm[k][c];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = support == 0 ? 0 : (double) tp / support;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            rows.add(new Scores(names.get(c), p, r, f, support));
            total += support;
            correct += tp;
            double[] s = {p, r, f};
            for (int k = 0; k < 3; k++) {
                macro[k] += s[k];
                weighted[k] += s[k] * support;
            }
        }
        for (int k = 0; k < 3; k++) {
            macro[k] = n == 0 ? 0 : macro[k] / n;
            weighted[k] = total == 0 ? 0 : weighted[k] / total;
        }
        int t = (int) total;
        return new ClassificationReport(rows, total == 0 ? 0 : (double) correct / total,
                new Scores("macro avg", macro[0], macro[1], macro[2], t),
                new Scores("weighted avg", weighted[0], weighted[1], weighted[2], t));
    }

    /** {@return the total number of items} */
    public int total() {
        return macroAvg.support();
    }

    /** {@return the report as text, in scikit-learn's layout (two decimals)} */
    public String text() {
        int width = "weighted avg".length();
        for (Scores s : classes) {
            width = Math.max(width, s.name().length());
        }
        StringBuilder b = new StringBuilder();
        b.append(pad("", width)).append(' ');
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) {
            b.append(' ').append(pad(h, 9));
        }
        b.append("\n\n");
        for (Scores s : classes) {
            row(b, s, width);
        }
        b.append('\n');
        b.append(pad("accuracy", width)).append(' ').append(' ').append(pad("", 9)).append(' ')
                .append(pad("", 9)).append(' ').append(pad(Formats.fixed(accuracy, 2), 9)).append(' ')
                .append(pad(Integer.toString(total()), 9)).append('\n');
        row(b, macroAvg, width);
        row(b, weightedAvg, width);
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    private static void row(StringBuilder b, Scores s, int width) {
        b.append(pad(s.name(), width)).append(' ');
        for (double v : new double[] {s.precision(), s.recall(), s.f1()}) {
            b.append(' ').append(pad(Formats.fixed(v, 2), 9));
        }
        b.append(' ').append(pad(Integer.toString(s.support()), 9)).append('\n');
    }

    /** Right-aligned in {@code w} characters (Python's {@code {:>w}}). */
    private static String pad(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }
}
