package org.fastai4j.learner;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fastai4j.plot.Figure;

/**
 * What {@link Learner#lrFind} returns: fastai's four suggestions ({@link #valley()} is fastai's
 * default), the points they mark, and the curve they came from (plain Java arrays).
 *
 * @param valley fastai's {@code valley} suggestion
 * @param slide fastai's {@code slide} suggestion (NaN on a curve shorter than 16 points)
 * @param minimum fastai's {@code minimum} suggestion (a tenth of the lr of the lowest loss)
 * @param steep fastai's {@code steep} suggestion
 * @param points the point each method marks, by name (valley, slide, minimum, steep)
 * @param lrs the learning rate of every batch of the sweep
 * @param losses the smoothed loss of every batch of the sweep
 */
public record SuggestedLrs(double valley, double slide, double minimum, double steep,
        Map<String, LrSuggestions.Suggestion> points, double[] lrs, double[] losses) {

    /**
     * Copies the arrays.
     *
     * @param valley fastai's {@code valley} suggestion
     * @param slide fastai's {@code slide} suggestion (NaN on a curve shorter than 16 points)
     * @param minimum fastai's {@code minimum} suggestion (a tenth of the lr of the lowest loss)
     * @param steep fastai's {@code steep} suggestion
     * @param points the point each method marks, by name (valley, slide, minimum, steep)
     * @param lrs the learning rate of every batch of the sweep
     * @param losses the smoothed loss of every batch of the sweep
     */
    public SuggestedLrs {
        points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
        lrs = lrs.clone();
        losses = losses.clone();
    }

    /**
     * fastai's suggestions on a finder curve: computed on {@code lrs/losses[numIt/10 : -5]},
     * cut before the first NaN loss, as fastai's {@code lr_find}.
     *
     * @param lrs the learning rate of every batch of the sweep (the {@link Recorder}'s {@code lrs})
     * @param losses the smoothed loss of every batch of the sweep (the {@link Recorder}'s {@code losses})
     * @param numIt the sweep's requested number of batches (fastai's {@code num_it}); the first
     *     {@code numIt/10} points are skipped
     * @return the four suggestions with the full curve
     */
    public static SuggestedLrs from(double[] lrs, double[] losses, int numIt) {
        int from = numIt / 10;
        int to = Math.max(from, Math.min(lrs.length, losses.length) - 5);
        int end = from;
        while (end < to && !Double.isNaN(losses[end])) {
            end++;
        }
        double[] l = java.util.Arrays.copyOfRange(lrs, from, end);
        double[] v = java.util.Arrays.copyOfRange(losses, from, end);
        Map<String, LrSuggestions.Suggestion> pts = new LinkedHashMap<>();
        pts.put("valley", LrSuggestions.valley(l, v));
        pts.put("slide", LrSuggestions.slide(l, v));
        pts.put("minimum", LrSuggestions.minimum(l, v));
        pts.put("steep", LrSuggestions.steep(l, v));
        return new SuggestedLrs(pts.get("valley").lr(), pts.get("slide").lr(), pts.get("minimum").lr(),
                pts.get("steep").lr(), pts, lrs, losses);
    }

    /**
     * A copy of the sweep's learning rates.
     *
     * @return a copy of the sweep's learning rates
     */
    @Override
    public double[] lrs() {
        return lrs.clone();
    }

    /**
     * A copy of the sweep's smoothed losses.
     *
     * @return a copy of the sweep's smoothed losses
     */
    @Override
    public double[] losses() {
        return losses.clone();
    }

    /**
     * fastai's {@code plot_lr_find}: loss against lr (log scale, last 5 points skipped), suggestions marked.
     *
     * @return the chart, to {@code save} or {@code show}
     */
    public Figure plot() {
        return LrFindPlot.plot(this);
    }
}
