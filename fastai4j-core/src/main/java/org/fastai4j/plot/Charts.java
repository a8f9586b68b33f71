package org.fastai4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line charts through XChart, rendered to {@link Figure}s: generic lines, fastai's
 * {@code plot_loss} (training loss per batch and validation loss per epoch), {@code plot_sched}
 * (one subplot per hyper-parameter) and {@code plot_lr_find} (loss against a logarithmic learning
 * rate, with the suggestions marked). Colours follow matplotlib's default cycle.
 */
public final class Charts {
    /** Default chart width in pixels. */
    public static final int WIDTH = 640;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 420;
    /** matplotlib's default colour cycle (C0, C1, ...). */
    static final Color[] CYCLE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    private Charts() {
    }

    /**
     * One line of a chart.
     *
     * @param name legend text
     * @param x x values
     * @param y y values, as many as {@code x}
     */
    public record Series(String name, double[] x, double[] y) {
        /**
         * Checks both arrays have the same length.
         *
         * @param name legend text
         * @param x x values
         * @param y y values, as many as {@code x}
         */
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("Series '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
        }
    }

    /**
     * A marked point (an LR-finder suggestion).
     *
     * @param name legend text, e.g. "valley"
     * @param x the learning rate
     * @param y the loss there
     */
    public record Marker(String name, double x, double y) {
    }

    /**
     * {@return a line chart of {@code series}; {@code logX} makes the x axis logarithmic}
     *
     * @param title the chart title
     * @param xLabel the x axis label
     * @param yLabel the y axis label
     * @param logX whether the x axis is logarithmic
     * @param series the lines to draw
     */
    public static Figure line(String title, String xLabel, String yLabel, boolean logX, List<Series> series) {
        return new Figure(BitmapEncoder.getBufferedImage(chart(title, xLabel, yLabel, logX, series, List.of(), WIDTH, HEIGHT)),
                title);
    }

    /**
     * fastai's {@code Recorder.plot_loss}: the training loss of each batch from {@code skipStart}
     * on (x = batch number) and, when given, the validation loss at the end of each epoch (x = the
     * number of training batches done then, fastai's {@code recorder.iters}).
     *
     * @param trainLosses per-batch (smoothed) training losses
     * @param validIters iteration count at each epoch end, or null
     * @param validLosses validation loss per epoch (same length as {@code validIters}), or null
     * @param skipStart batches to leave out at the start (fastai's default 5)
     * @return the figure
     */
    public static Figure losses(double[] trainLosses, int[] validIters, double[] validLosses, int skipStart) {
        if (skipStart < 0) {
            throw new IllegalArgumentException("skipStart must be >= 0, got " + skipStart);
        }
        List<Series> s = new ArrayList<>();
        int from = Math.min(skipStart, trainLosses.length);
        double[] x = new double[trainLosses.length - from];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = from + i;
            y[i] = trainLosses[from + i];
        }
        s.add(new Series("train", x, y));
        if (validIters != null && validLosses != null) {
            if (validIters.length != validLosses.length) {
                throw new IllegalArgumentException(validIters.length + " validation iterations but "
                        + validLosses.length + " validation losses");
            }
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < validIters.length; i++) {
                if (validIters[i] >= skipStart) {
                    pts.add(new double[] {validIters[i], validLosses[i]});
                }
            }
            s.add(new Series("valid", pts.stream().mapToDouble(p -> p[0]).toArray(),
                    pts.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return line("Loss", "Batches processed", "Loss", false, s);
    }

    /**
     * fastai's {@code Recorder.plot_sched}: one subplot per hyper-parameter (e.g. "lr", "mom"), its
     * value at each training batch, side by side.
     *
     * @param hypers each hyper-parameter's value per training batch, by name
     * @return the figure
     */
    public static Figure schedule(Map<String, double[]> hypers) {
        if (hypers.isEmpty()) {
            throw new IllegalArgumentException("schedule: no hyper-parameters to plot");
        }
        List<BufferedImage> parts = new ArrayList<>();
        for (Map.Entry<String, double[]> e : hypers.entrySet()) {
            double[] y = e.getValue().clone();
            double[] x = new double[y.length];
            double maxAbs = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
                maxAbs = Double.isFinite(y[i]) ? Math.max(maxAbs, Math.abs(y[i])) : maxAbs;
            }
            // XChart's tick labels break down on tiny values: plot lr in units of 10^exp instead
            String label = e.getKey();
            if (maxAbs > 0 && maxAbs < 0.1) {
                int exp = (int) Math.floor(Math.log10(maxAbs));
                for (int i = 0; i < y.length; i++) {
                    y[i] = y[i] / Math.pow(10, exp);
                }
                label = e.getKey() + " (×1e" + exp + ")";
            }
            XYChart c = chart(e.getKey() + " schedule", "Batches processed", label, false,
                    List.of(new Series(e.getKey(), x, y)), List.of(), 540, 380);
            c.getStyler().setLegendVisible(false);
            parts.add(BitmapEncoder.getBufferedImage(c));
        }
        return new Figure(hstack(parts), "Schedule");
    }

    /**
     * fastai's {@code plot_lr_find}: loss against learning rate on a logarithmic axis, leaving out
     * the last {@code skipEnd} points (fastai's default 5), with each suggestion marked.
     *
     * @param lrs the learning rate of each batch
     * @param losses the loss of each batch
     * @param skipEnd the number of points left out at the end
     * @param suggestions the suggested learning rates to mark
     * @return the figure
     */
    public static Figure lrFinder(double[] lrs, double[] losses, int skipEnd, List<Marker> suggestions) {
        if (lrs.length != losses.length) {
            throw new IllegalArgumentException("lrFinder: " + lrs.length + " lrs but " + losses.length + " losses");
        }
        int n = Math.max(0, lrs.length - Math.max(0, skipEnd));
        double[] x = java.util.Arrays.copyOf(lrs, n);
        double[] y = java.util.Arrays.copyOf(losses, n);
        for (double v : x) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("lrFinder: learning rates must be > 0 for a log axis, got " + v);
            }
        }
        XYChart c = chart("Learning rate finder", "Learning Rate", "Loss", true,
                List.of(new Series("loss", x, y)), suggestions, WIDTH, HEIGHT);
        return new Figure(BitmapEncoder.getBufferedImage(c), "Learning rate finder");
    }

    private static XYChart chart(String title, String xLabel, String yLabel, boolean logX, List<Series> series,
            List<Marker> markers, int w, int h) {
        XYChart c = new XYChartBuilder().width(w).height(h).title(title == null ? "" : title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setPlotGridLinesColor(new Color(0xDDDDDD));
        st.setChartTitleBoxVisible(false);
        st.setPlotBorderColor(Color.DARK_GRAY);
        st.setXAxisTickMarkSpacingHint(80);
        st.setXAxisLogarithmic(logX);
        if (logX) {
            st.setXAxisDecimalPattern("0.#E0");
            st.setPlotGridVerticalLinesVisible(false);
        }
        int k = 0;
        for (Series s : series) {
            double[] x = s.x().length == 0 ? new double[] {Double.NaN} : s.x();
            double[] y = s.y().length == 0 ? new double[] {Double.NaN} : s.y();
            if (x.length > 2 && x[1] != x[0]) {
                // XChart puts ticks on the data values when x is equally spaced, and its labels
                // then overlap; nudging one point by 1/1000 of a step (invisible) avoids that path.
                x = x.clone();
                x[1] += 1e-3 * (x[1] - x[0]);
            }
            XYSeries xs = c.addSeries(s.name(), x, y);
            xs.setMarker(SeriesMarkers.NONE);
            xs.setLineColor(CYCLE[k++ % CYCLE.length]);
            xs.setLineStyle(new BasicStroke(2f));
        }
        int m = 1;
        for (Marker mk : markers) {
            XYSeries xs = c.addSeries(mk.name(), new double[] {mk.x()}, new double[] {mk.y()});
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            xs.setMarker(SeriesMarkers.CIRCLE);
            xs.setMarkerColor(CYCLE[m++ % CYCLE.length]);
        }
        if (markers.isEmpty() && series.size() < 2) {
            st.setLegendVisible(false);
        }
        return c;
    }

    private static BufferedImage hstack(List<BufferedImage> parts) {
        int w = parts.stream().mapToInt(BufferedImage::getWidth).sum();
        int h = parts.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 0;
        for (BufferedImage p : parts) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth();
        }
        g.dispose();
        return out;
    }
}
