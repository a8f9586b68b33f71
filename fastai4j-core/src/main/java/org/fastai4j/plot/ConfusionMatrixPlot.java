package org.fastai4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.Formats;

/**
 * A confusion-matrix heat map (Java2D), fastai's {@code plot_confusion_matrix}: rows are actual
 * classes (label "Actual", top to bottom), columns predicted classes (label "Predicted", left to
 * right), each cell coloured by its value through a {@link Colormap} scaled from the matrix's
 * minimum to its maximum (matplotlib's {@code imshow}) and showing its count, or with
 * {@code normalize} its row fraction with two decimals. Cell text is white on dark cells, black on
 * light ones. Column labels are rotated 90° when one is wider than a cell.
 */
public final class ConfusionMatrixPlot {
    private static final int PAD = 16;
    private static final int MAX_LABEL_PX = 180;

    private final Figure figure;
    private final int left;
    private final int top;
    private final int cell;
    private final double[][] values;
    private final Color[][] cellColors;
    private final boolean normalized;

    private ConfusionMatrixPlot(Figure figure, int left, int top, int cell, double[][] values, Color[][] colors,
            boolean normalized) {
        this.figure = figure;
        this.left = left;
        this.top = top;
        this.cell = cell;
        this.values = values;
        this.cellColors = colors;
        this.normalized = normalized;
    }

    /**
     * Renders {@code cm} (rows actual, columns predicted).
     *
     * @param cm square matrix of counts, one row and column per label
     * @param labels class names, in index order
     * @param normalize show each row divided by its sum (a row of zeros shows "nan", as fastai)
     * @param title title over the plot (fastai's default: "Confusion matrix")
     * @param cmap colormap name, see {@link Colormap#of} (fastai's default: "Blues")
     * @return the plot, with its figure and its cell geometry
     * @throws IllegalArgumentException if the matrix is empty, not square, does not match the
     *     labels, or the colormap is unknown
     */
    public static ConfusionMatrixPlot render(int[][] cm, List<String> labels, boolean normalize, String title, String cmap) {
        int n = labels.size();
        if (n == 0 || cm.length != n) {
            throw new IllegalArgumentException("Confusion matrix has " + cm.length + " rows but " + n + " labels");
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (cm[i].length != n) {
                throw new IllegalArgumentException("Confusion matrix row " + i + " has " + cm[i].length
                        + " columns, expected " + n);
            }
            long sum = 0;
            for (int c : cm[i]) {
                sum += c;
            }
            for (int j = 0; j < n; j++) {
                v[i][j] = normalize ? (double) cm[i][j] / sum : cm[i][j];
            }
        }
        return new Painter(v, labels, normalize, title == null ? "" : title, Colormap.of(cmap)).paint();
    }

    /** {@return the rendered figure} */
    public Figure figure() {
        return figure;
    }

    /**
     * {@return the pixel at the centre of cell (actual {@code i}, predicted {@code j})}
     *
     * @param i the actual class's index (the row)
     * @param j the predicted class's index (the column)
     */
    public Point cellCenter(int i, int j) {
        return new Point(left + j * cell + cell / 2, top + i * cell + cell / 2);
    }

    /** {@return the side of a cell in pixels} */
    public int cellSize() {
        return cell;
    }

    /**
     * {@return the fill colour of cell ({@code i}, {@code j})}
     *
     * @param i the actual class's index (the row)
     * @param j the predicted class's index (the column)
     */
    public Color cellColor(int i, int j) {
        return cellColors[i][j];
    }

    /**
     * {@return the text drawn in cell ({@code i}, {@code j})}: the count, or with {@code normalize}
     * the row fraction with two decimals ("nan" for a row of zeros)
     *
     * @param i the actual class's index (the row)
     * @param j the predicted class's index (the column)
     */
    public String cellText(int i, int j) {
        return format(values[i][j], normalized);
    }

    static String format(double v, boolean normalize) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        // fastai: f'{cm[i, j]:.2f}', Python's half-even rounding of the exact binary value (1/8 -> 0.12)
        return normalize ? Formats.fixed(v, 2) : Long.toString(Math.round(v));
    }

    /** Computes the layout and draws. */
    private static final class Painter {
        private final double[][] v;
        private final List<String> labels;
        private final boolean normalize;
        private final String title;
        private final Colormap cmap;

        Painter(double[][] v, List<String> labels, boolean normalize, String title, Colormap cmap) {
            this.v = v;
            this.labels = labels;
            this.normalize = normalize;
            this.title = title;
            this.cmap = cmap;
        }

        ConfusionMatrixPlot paint() {
            int n = labels.size();
            int cell = Math.max(28, Math.min(72, Math.round(560f / n)));
            Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            Font axis = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
            Font head = new Font(Font.SANS_SERIF, Font.BOLD, 17);
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D pg = probe.createGraphics();
            FontMetrics tfm = pg.getFontMetrics(tick);
            List<String> shown = new ArrayList<>();
            int maxLabel = 0;
            for (String l : labels) {
                String s = TextFit.elide(l, tfm, MAX_LABEL_PX);
                shown.add(s);
                maxLabel = Math.max(maxLabel, tfm.stringWidth(s));
            }
            boolean rotate = maxLabel > cell - 4;
            int axisH = pg.getFontMetrics(axis).getHeight();
            int headH = title.isEmpty() ? 0 : pg.getFontMetrics(head).getHeight() + PAD / 2;
            pg.dispose();
            int left = PAD + axisH + 8 + maxLabel + 8;
            int top = PAD + headH;
            int grid = n * cell;
            int xLabelsH = rotate ? maxLabel : tfm.getHeight();
            int overhang = rotate ? 0 : Math.max(0, (tfm.stringWidth(shown.get(n - 1)) - cell) / 2);
            int width = Math.max(left + grid + PAD + overhang, 2 * PAD + 200);
            int height = top + grid + 6 + xLabelsH + 8 + axisH + PAD;
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Color[][] colors = cells(g, left, top, cell);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(left, top, grid, grid);
            g.setFont(tick);
            for (int k = 0; k < n; k++) {
                int c = left + k * cell + cell / 2;
                int r = top + k * cell + cell / 2;
                g.drawLine(c, top + grid, c, top + grid + 4);
                g.drawLine(left - 4, r, left, r);
                String s = shown.get(k);
                g.drawString(s, left - 6 - tfm.stringWidth(s), r + (tfm.getAscent() - tfm.getDescent()) / 2);
                if (rotate) {
                    AffineTransform saved = g.getTransform();
                    g.translate(c + (tfm.getAscent() - tfm.getDescent()) / 2, top + grid + 6);
                    g.rotate(-Math.PI / 2);
                    g.drawString(s, -tfm.stringWidth(s), 0);
                    g.setTransform(saved);
                } else {
                    g.drawString(s, c - tfm.stringWidth(s) / 2, top + grid + 6 + tfm.getAscent());
                }
            }
            g.setFont(axis);
            FontMetrics afm = g.getFontMetrics();
            int predictedY = top + grid + 6 + xLabelsH + 8 + afm.getAscent();
            g.drawString("Predicted", left + (grid - afm.stringWidth("Predicted")) / 2, predictedY);
            AffineTransform saved = g.getTransform();
            g.translate(PAD + afm.getAscent(), top + (grid + afm.stringWidth("Actual")) / 2);
            g.rotate(-Math.PI / 2);
            g.drawString("Actual", 0, 0);
            g.setTransform(saved);
            if (!title.isEmpty()) {
                Font f = TextFit.fit(g, head, title, width - 2 * PAD, 10);
                g.setFont(f);
                FontMetrics hfm = g.getFontMetrics();
                String s = TextFit.elide(title, hfm, width - 2 * PAD);
                int cx = Math.min(Math.max(left + grid / 2, PAD + hfm.stringWidth(s) / 2), width - PAD - hfm.stringWidth(s) / 2);
                g.drawString(s, cx - hfm.stringWidth(s) / 2, PAD + hfm.getAscent());
            }
            g.dispose();
            return new ConfusionMatrixPlot(new Figure(img, title.isEmpty() ? "Confusion matrix" : title),
                    left, top, cell, v, colors, normalize);
        }

        private Color[][] cells(Graphics2D g, int left, int top, int cell) {
            int n = v.length;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : v) {
                for (double x : row) {
                    if (!Double.isNaN(x)) {
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                    }
                }
            }
            double range = max > min ? max - min : 1;
            Font base = new Font(Font.SANS_SERIF, Font.PLAIN, Math.min(15, Math.max(9, cell / 3)));
            Color[][] colors = new Color[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    Color c = cmap.at(Double.isNaN(v[i][j]) ? 0 : (v[i][j] - min) / range);
                    colors[i][j] = c;
                    g.setColor(c);
                    g.fillRect(left + j * cell, top + i * cell, cell, cell);
                    String s = format(v[i][j], normalize);
                    g.setFont(TextFit.fit(g, base, s, cell - 4, 7));
                    FontMetrics fm = g.getFontMetrics();
                    g.setColor(Colormap.textColorOn(c));
                    g.drawString(s, left + j * cell + (cell - fm.stringWidth(s)) / 2,
                            top + i * cell + (cell + fm.getAscent() - fm.getDescent()) / 2);
                }
            }
            return colors;
        }
    }
}
