package org.fastai4j.interpret;

import java.util.Objects;
import org.fastai4j.core.Formats;
import org.fastai4j.data.DataLoader;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Preds;
import org.fastai4j.plot.Figure;
import org.fastai4j.plot.ImageGrid;

/**
 * fastai's base {@code Interpretation}, for any task (regression, multi-label, ...): per-item
 * losses, their largest (or smallest) items, and those items drawn with their loss, target and
 * prediction. Inference runs once; everything is kept in Java arrays. For single-label
 * classification use {@link ClassificationInterpretation}.
 */
public final class Interpretation {
    private final Preds preds;
    private final ItemRenderer renderer;

    private Interpretation(Preds preds, ItemRenderer renderer) {
        this.preds = Objects.requireNonNull(preds, "preds");
        if (preds.losses() == null) {
            throw new IllegalArgumentException("Interpretation needs per-item losses (getPreds withLoss=true)");
        }
        this.renderer = renderer == null ? ItemRenderer.text() : renderer;
    }

    /**
     * From predictions with per-item losses; {@code renderer} may be null (text tiles).
     *
     * @param preds the predictions, with targets, decoded values and per-item losses
     * @param renderer draws items for the image plots; null draws text tiles
     * @return the interpretation
     */
    public static Interpretation fromPreds(Preds preds, ItemRenderer renderer) {
        return new Interpretation(preds, renderer);
    }

    /**
     * Runs inference once on the validation loader.
     *
     * @param learn the learner whose model predicts
     * @return the interpretation
     */
    public static Interpretation fromLearner(Learner learn) {
        return fromLearner(learn, learn.dls().valid());
    }

    /**
     * Runs inference once on {@code dl}, with decoded predictions and per-item losses.
     *
     * @param learn the learner whose model predicts
     * @param dl the loader to predict on
     * @return the interpretation
     */
    public static Interpretation fromLearner(Learner learn, DataLoader dl) {
        return new Interpretation(learn.getPreds(dl, true, true), new LoaderItemRenderer(dl));
    }

    /** {@return the predictions this interpretation holds} */
    public Preds preds() {
        return preds;
    }

    /**
     * {@return the {@code k} largest (or smallest) losses and their items}
     *
     * @param k the number of items
     * @param largest true for the largest losses, false for the smallest
     */
    public TopLosses topLosses(int k, boolean largest) {
        return TopLosses.of(preds.losses(), preds.indices(), k, largest);
    }

    /**
     * The {@code k} items with the largest losses, each titled {@code loss x} and, on the next
     * line, {@code target / prediction} (decoded values, or activations when not decoded).
     *
     * @param k the number of items
     * @param nrows the rows of the grid, or 0 for fastai's shape
     * @param ncols the columns of the grid, or 0 for fastai's shape
     * @return the figure
     */
    public Figure plotTopLosses(int k, int nrows, int ncols) {
        TopLosses top = topLosses(k, true);
        ImageGrid.Builder grid = Results.topLossesGrid("Loss / Target / Prediction", nrows, ncols);
        for (int i = 0; i < top.size(); i++) {
            int r = top.rows()[i];
            float[] pred = preds.decoded() != null ? preds.decoded()[r] : preds.activations()[r];
            grid.addImage(renderer.render(top.indices()[i]), "loss " + Formats.fixed(top.losses()[i], 2) + "\n"
                    + values(preds.targets()[r]) + " / " + values(pred));
        }
        return grid.build();
    }

    /** Up to 4 values with two decimals, comma-separated. */
    static String values(float[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(4, v.length); i++) {
            b.append(i == 0 ? "" : ",").append(Formats.fixed(v[i], 2));
        }
        return v.length > 4 ? b.append(",…").toString() : b.toString();
    }
}
