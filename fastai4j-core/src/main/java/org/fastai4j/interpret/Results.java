package org.fastai4j.interpret;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.awt.Color;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Preds;
import org.fastai4j.plot.Figure;
import org.fastai4j.plot.ImageGrid;

/**
 * fastai's {@code show_results} for single-label classification: a grid of items, each titled
 * with its actual class on the first line and the predicted class on the second (fastai stacks
 * them the same way), in green when the prediction is right and red when it is wrong.
 */
public final class Results {
    /** matplotlib's "green" (#008000), readable on white. */
    public static final Color RIGHT = new Color(0x008000);
    /** matplotlib's "red". */
    public static final Color WRONG = new Color(0xFF0000);

    private Results() {
    }

    /**
     * The first {@code maxN} items of the learner's validation loader with their predictions
     * (fastai shows one batch). The model runs once on those items only, in inference mode; the
     * loss function's activation and decoding turn its output into classes.
     *
     * @param learn the learner; its validation loader must have a categorical target (a vocab)
     * @param maxN the most items to show, {@code > 0} (fastai's {@code max_n}, default 9); fewer
     *     when the validation set is smaller
     * @return a grid of the items titled actual, then predicted class, green when right, red when wrong
     * @throws IllegalArgumentException if {@code maxN <= 0}, the loader has no vocab, or the
     *     validation set is empty
     */
    public static Figure show(Learner learn, int maxN) {
        DataLoader dl = learn.dls().valid();
        Vocab vocab = dl.vocab().or(() -> learn.dls().vocab()).orElseThrow(() ->
                new IllegalArgumentException("showResults needs a categorical target (a vocab); the loader has none"));
        return show(predictFirst(learn, dl, maxN), vocab, new LoaderItemRenderer(dl), maxN);
    }

    /**
     * The first {@code maxN} items of {@code preds}, titled actual then predicted.
     *
     * @param preds predictions with targets (decoded may be null: the argmax is used)
     * @param vocab the class names, whose size is the width of each prediction row
     * @param renderer draws item {@code preds.indices()[i]}; null draws text tiles
     * @param maxN the most items to show, {@code > 0}
     * @return a grid of the items titled actual, then predicted class, green when right, red when wrong
     * @throws IllegalArgumentException if {@code maxN <= 0} or the predictions do not match the vocab
     */
    public static Figure show(Preds preds, Vocab vocab, ItemRenderer renderer, int maxN) {
        return grid(preds, vocab, renderer, maxN).figure();
    }

    /** The grid behind {@link #show(Preds, Vocab, ItemRenderer, int)}. */
    static ImageGrid grid(Preds preds, Vocab vocab, ItemRenderer renderer, int maxN) {
        if (maxN <= 0) {
            throw new IllegalArgumentException("maxN must be > 0, got " + maxN);
        }
        ClassificationInterpretation interp = ClassificationInterpretation.fromPreds(preds, vocab, renderer);
        int[] t = interp.targets();
        int[] d = interp.decoded();
        int[] idx = interp.indices();
        ImageGrid.Builder grid = ImageGrid.builder();
        ItemRenderer r = renderer == null ? ItemRenderer.text() : renderer;
        for (int i = 0; i < Math.min(maxN, t.length); i++) {
            grid.addImage(r.render(idx[i]), vocab.get(t[i]) + "\n" + vocab.get(d[i]), t[i] == d[i] ? RIGHT : WRONG);
        }
        return grid.buildGrid();
    }

    /**
     * An empty grid titled {@code title} for {@code plotTopLosses}, with {@code nrows}/{@code ncols}
     * set when positive (else fastai's {@code get_grid} shape).
     */
    static ImageGrid.Builder topLossesGrid(String title, int nrows, int ncols) {
        ImageGrid.Builder grid = ImageGrid.builder().optTitle(title);
        if (nrows > 0) {
            grid.optNrows(nrows);
        }
        if (ncols > 0) {
            grid.optNcols(ncols);
        }
        return grid;
    }

    static Preds predictFirst(Learner learn, DataLoader dl, int maxN) {
        if (maxN <= 0) {
            throw new IllegalArgumentException("maxN must be > 0, got " + maxN);
        }
        if (dl.itemCount() == 0) {
            throw new IllegalArgumentException("showResults: the validation set is empty (0 items), nothing to show;"
                    + " build the DataLoaders with a validation split");
        }
        int n = Math.min(maxN, dl.itemCount());
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        try (NDManager scope = NDManager.newBaseManager(dl.device());
                Batch b = dl.itemsAt(indices, scope)) {
            NDList out = learn.model().forward(new ParameterStore(b.manager(), false), b.xs(), false);
            NDArray act = learn.lossFunc().activation(out.singletonOrThrow());
            NDArray dec = learn.lossFunc().decodes(act);
            float[][] probs = rows(act.toType(DataType.FLOAT32, false).toFloatArray(), n);
            float[][] decoded = rows(dec.toType(DataType.FLOAT32, false).toFloatArray(), n);
            float[][] targets = rows(b.ys().get(0).toType(DataType.FLOAT32, false).toFloatArray(), n);
            return new Preds(probs, targets, decoded, null, b.indices());
        }
    }

    private static float[][] rows(float[] flat, int n) {
        int w = flat.length / n;
        float[][] r = new float[n][w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * w, r[i], 0, w);
        }
        return r;
    }
}
