package org.fastai4j.interpret;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.fastai4j.core.Formats;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Preds;
import org.fastai4j.plot.ConfusionMatrixPlot;
import org.fastai4j.plot.Figure;
import org.fastai4j.plot.ImageGrid;

/**
 * fastai's {@code ClassificationInterpretation} for single-label classification: inference runs
 * once ({@link #fromLearner}) and the probabilities, targets, decoded predictions, per-item losses
 * and dataset indices are kept as plain Java arrays (no NDArrays, nothing to close). Items are drawn
 * on demand by an {@link ItemRenderer}, which for a learner fetches them again from the loader by
 * index, so any model and any dataset work.
 */
public final class ClassificationInterpretation {
    private final float[][] probs;
    private final int[] targets;
    private final int[] decoded;
    private final float[] losses;
    private final int[] indices;
    private final Vocab vocab;
    private final ItemRenderer renderer;

    private ClassificationInterpretation(Preds preds, Vocab vocab, ItemRenderer renderer) {
        Objects.requireNonNull(preds, "preds");
        this.vocab = Objects.requireNonNull(vocab, "vocab");
        this.renderer = renderer == null ? ItemRenderer.text() : renderer;
        int n = preds.size();
        int c = vocab.size();
        this.probs = new float[n][];
        this.targets = new int[n];
        this.decoded = new int[n];
        for (int i = 0; i < n; i++) {
            float[] p = preds.activations()[i];
            if (p.length != c) {
                throw new IllegalArgumentException("Preds row " + i + " has " + p.length
                        + " probabilities but the vocab has " + c + " classes");
            }
            probs[i] = p.clone();
            targets[i] = classIndex("target", preds.targets()[i], i, c);
            decoded[i] = preds.decoded() == null ? argmax(p) : classIndex("decoded", preds.decoded()[i], i, c);
        }
        this.losses = preds.losses() == null ? null : preds.losses().clone();
        if (losses != null && losses.length != n) {
            throw new IllegalArgumentException("Preds has " + losses.length + " losses for " + n + " items");
        }
        this.indices = preds.indices().clone();
    }

    /**
     * From predictions already made. Targets and decoded rows hold one value, the class index
     * (decoded may be null: the argmax of the probabilities is used).
     *
     * @param renderer draws items for the image plots; null draws text tiles
     * @param preds the predictions, with targets, decoded values and per-item losses
     * @param vocab the class names
     * @return the interpretation
     */
    public static ClassificationInterpretation fromPreds(Preds preds, Vocab vocab, ItemRenderer renderer) {
        return new ClassificationInterpretation(preds, vocab, renderer);
    }

    /**
     * Runs inference once on the validation loader: fastai's {@code from_learner(learn)}.
     *
     * @param learn the learner whose model predicts
     * @return the interpretation
     */
    public static ClassificationInterpretation fromLearner(Learner learn) {
        return fromLearner(learn, learn.dls().valid());
    }

    /**
     * Runs inference once on {@code dl} (with decoded predictions and per-item losses).
     *
     * @param learn the learner whose model predicts
     * @param dl the loader to predict on
     * @return the interpretation
     */
    public static ClassificationInterpretation fromLearner(Learner learn, DataLoader dl) {
        Vocab vocab = dl.vocab().or(() -> learn.dls().vocab()).orElseThrow(() -> new IllegalArgumentException(
                "ClassificationInterpretation needs a loader with a vocab (a categorical target); this one has none"));
        Preds preds = learn.getPreds(dl, true, true);
        return new ClassificationInterpretation(preds, vocab, new LoaderItemRenderer(dl));
    }

    /** {@return the vocabulary} */
    public Vocab vocab() {
        return vocab;
    }

    /** {@return the number of items} */
    public int size() {
        return indices.length;
    }

    /**
     * The confusion matrix: {@code cm[actual][predicted]} counts the items of actual class {@code
     * actual} predicted as {@code predicted}; rows are actual classes, columns predicted classes,
     * both in vocabulary order.
     *
     * @return the matrix, one row per actual class
     */
    public int[][] confusionMatrix() {
        int c = vocab.size();
        int[][] cm = new int[c][c];
        for (int i = 0; i < targets.length; i++) {
            cm[targets[i]][decoded[i]]++;
        }
        return cm;
    }

    /**
     * fastai's default plot: counts, title "Confusion matrix", colormap "Blues".
     *
     * @return the figure
     */
    public Figure plotConfusionMatrix() {
        return plotConfusionMatrix(false, "Confusion matrix", "Blues");
    }

    /**
     * The confusion matrix as a heat map (rows actual, columns predicted).
     *
     * @param normalize show row fractions (two decimals) instead of counts
     * @param title the title over the plot (fastai's default "Confusion matrix"); null for none
     * @param cmap a colormap name, see {@link org.fastai4j.plot.Colormap#of}
     * @return the figure
     */
    public Figure plotConfusionMatrix(boolean normalize, String title, String cmap) {
        return ConfusionMatrixPlot.render(confusionMatrix(), vocab.items(), normalize, title, cmap).figure();
    }

    /**
     * The off-diagonal cells of the confusion matrix with at least {@code minVal} items, largest
     * first; ties keep row-major order (actual, then predicted), as fastai's stable sort does.
     *
     * @param minVal the smallest count listed
     * @return the confusions, largest first
     */
    public List<Confusion> mostConfused(int minVal) {
        int[][] cm = confusionMatrix();
        List<Confusion> res = new ArrayList<>();
        for (int i = 0; i < cm.length; i++) {
            for (int j = 0; j < cm.length; j++) {
                if (i != j && cm[i][j] >= minVal) {
                    res.add(new Confusion(vocab.get(i), vocab.get(j), cm[i][j]));
                }
            }
        }
        res.sort(Comparator.comparingInt(Confusion::count).reversed());
        return res;
    }

    /**
     * {@link #mostConfused(int)} with fastai's default {@code minVal = 1}.
     *
     * @return the confusions, largest first
     */
    public List<Confusion> mostConfused() {
        return mostConfused(1);
    }

    /**
     * The {@code k} largest (or smallest) per-item losses, sorted; equal losses keep item order.
     * {@code k} larger than the number of items gives all.
     *
     * @param k the number of items
     * @param largest true for the largest losses, false for the smallest
     * @return the sorted losses and their items
     */
    public TopLosses topLosses(int k, boolean largest) {
        if (losses == null) {
            throw new IllegalStateException("These predictions have no per-item losses (getPreds withLoss=false)");
        }
        return TopLosses.of(losses, indices, k, largest);
    }

    /** {@return all losses, largest first} */
    public TopLosses topLosses() {
        return topLosses(size(), true);
    }

    /**
     * The {@code k} items with the largest losses as an image grid, fastai's {@code
     * plot_top_losses}. Each tile is titled {@code predicted/actual / loss / probability} where the
     * probability is the model's probability of the PREDICTED class (fastai's), and on a second
     * line {@code p(actual) = x}, the probability the model gave the ACTUAL class.
     *
     * @param k the number of items
     * @param nrows the rows of the grid, or 0 for fastai's shape
     * @param ncols the columns of the grid, or 0 for fastai's shape
     * @return the figure
     */
    public Figure plotTopLosses(int k, int nrows, int ncols) {
        TopLosses top = topLosses(k, true);
        ImageGrid.Builder grid = Results.topLossesGrid("Prediction/Actual/Loss/Probability", nrows, ncols);
        for (int i = 0; i < top.size(); i++) {
            int r = top.rows()[i];
            grid.addImage(renderer.render(top.indices()[i]), topLossTitle(r));
        }
        return grid.build();
    }

    /**
     * {@link #plotTopLosses(int, int, int)} with fastai's grid shape for {@code k} tiles.
     *
     * @param k the number of items
     * @return the figure
     */
    public Figure plotTopLosses(int k) {
        return plotTopLosses(k, 0, 0);
    }

    /** The title of item row {@code r} in {@link #plotTopLosses}. */
    String topLossTitle(int r) {
        int p = decoded[r];
        int a = targets[r];
        return vocab.get(p) + "/" + vocab.get(a) + " / " + Formats.fixed(losses[r], 2) + " / "
                + Formats.fixed(probs[r][p], 2) + "\np(actual) = " + Formats.fixed(probs[r][a], 2);
    }

    /**
     * Per-class precision, recall, F1 and support, with averages (sklearn's report).
     *
     * @return the report
     */
    public ClassificationReport classificationReport() {
        return ClassificationReport.of(confusionMatrix(), vocab.items());
    }

    /**
     * The predicted probabilities of one item.
     *
     * @param row the item's row, from 0 to the item count - 1, in prediction order (its dataset
     *     index is {@code indices()[row]})
     * @return the probabilities of item row {@code row}, one per class in vocabulary order (a copy)
     * @throws ArrayIndexOutOfBoundsException if {@code row} is out of range
     */
    public float[] probabilities(int row) {
        return probs[row].clone();
    }

    /** {@return the actual class of each item row (a copy)} */
    public int[] targets() {
        return targets.clone();
    }

    /** {@return the predicted class of each item row (a copy)} */
    public int[] decoded() {
        return decoded.clone();
    }

    /** {@return the dataset index of each item row (a copy)} */
    public int[] indices() {
        return indices.clone();
    }

    private static int classIndex(String what, float[] row, int i, int c) {
        if (row == null || row.length != 1) {
            throw new IllegalArgumentException("Preds " + what + " row " + i + " must hold one class index, got "
                    + (row == null ? "null" : row.length + " values"));
        }
        float v = row[0];
        if (v != Math.rint(v) || v < 0 || v >= c) {
            throw new IllegalArgumentException("Preds " + what + " row " + i + " is " + v
                    + ", expected a class index in [0, " + c + ")");
        }
        return (int) v;
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }
}
