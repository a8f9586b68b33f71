package org.fastai4j.learner;

import java.util.List;
import java.util.Map;
import org.fastai4j.plot.Figure;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The LR-finder chart of {@link SuggestedLrs#plot()}. */
final class LrFindPlot {
    private LrFindPlot() {}

    static Figure plot(SuggestedLrs s) {
        XYChart chart = RecorderPlots.chart("Learning rate finder", "Learning Rate", "Loss");
        chart.getStyler().setXAxisLogarithmic(true);
        double[] lrs = s.lrs();
        double[] losses = s.losses();
        int n = Math.max(0, Math.min(lrs.length, losses.length) - 5);
        int valid = 0;
        while (valid < n && Double.isFinite(losses[valid]) && lrs[valid] > 0) {
            valid++;
        }
        if (valid > 0) {
            RecorderPlots.line(chart, "loss", java.util.Arrays.copyOf(lrs, valid), java.util.Arrays.copyOf(losses, valid));
        }
        for (Map.Entry<String, LrSuggestions.Suggestion> e : s.points().entrySet()) {
            LrSuggestions.Suggestion p = e.getValue();
            if (Double.isFinite(p.pointLr()) && p.pointLr() > 0 && Double.isFinite(p.pointLoss())) {
                XYSeries m = chart.addSeries(e.getKey(), List.of(p.pointLr()), List.of(p.pointLoss()));
                m.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return new Figure(BitmapEncoder.getBufferedImage(chart), "lr_find");
    }
}
