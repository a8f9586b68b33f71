package org.fastai4j.learner;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.plot.Figure;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The Recorder's charts (XChart line charts rendered to a {@link Figure}). */
final class RecorderPlots {
    static final int WIDTH = 640;
    static final int HEIGHT = 420;

    private RecorderPlots() {}

    static Figure plotLoss(Recorder r, int skipStart, boolean withValid) {
        XYChart chart = chart("Loss", "iteration", "loss");
        double[] losses = r.losses();
        int start = Math.max(0, Math.min(skipStart, losses.length));
        if (losses.length - start > 0) {
            double[] x = new double[losses.length - start];
            double[] y = new double[x.length];
            for (int i = start; i < losses.length; i++) {
                x[i - start] = i;
                y[i - start] = losses[i];
            }
            line(chart, "train", x, y);
        }
        if (withValid) {
            int[] iters = r.iters();
            List<double[]> values = r.values();
            List<Double> vx = new ArrayList<>();
            List<Double> vy = new ArrayList<>();
            for (int e = 0; e < iters.length; e++) {
                if (iters[e] >= start && !Double.isNaN(values.get(e)[1])) {
                    vx.add((double) iters[e]);
                    vy.add(values.get(e)[1]);
                }
            }
            if (!vx.isEmpty()) {
                XYSeries s = chart.addSeries("valid", vx, vy);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
        }
        return new Figure(BitmapEncoder.getBufferedImage(chart), "plot_loss");
    }

    static Figure plotSched(Recorder r) {
        Map<String, double[]> series = new LinkedHashMap<>(r.hps());
        if (series.isEmpty()) {
            series.put("lr", r.lrs());
            series.put("mom", r.moms());
        }
        List<BufferedImage> images = new ArrayList<>();
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            XYChart chart = chart(e.getKey(), "iteration", e.getKey());
            chart.getStyler().setLegendVisible(false);
            double[] y = e.getValue();
            if (y.length > 0 && !Double.isNaN(y[0])) {
                double[] x = new double[y.length];
                for (int i = 0; i < x.length; i++) {
                    x[i] = i;
                }
                line(chart, e.getKey(), x, y);
            }
            images.add(BitmapEncoder.getBufferedImage(chart));
        }
        int cols = Math.min(2, images.size());
        int rows = (images.size() + 1) / 2;
        BufferedImage out = new BufferedImage(Math.max(1, cols) * WIDTH, Math.max(1, rows) * HEIGHT,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), (i % 2) * WIDTH, (i / 2) * HEIGHT, null);
        }
        g.dispose();
        return new Figure(out, "plot_sched");
    }

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        return chart;
    }

    static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
    }
}
