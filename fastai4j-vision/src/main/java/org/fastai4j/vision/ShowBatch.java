package org.fastai4j.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Vocab;
import org.fastai4j.plot.Figure;

/**
 * Renders {@code showBatch}: the first training batch, de-normalised, as a titled grid. Uses a
 * minimal Java2D grid of its own (the shared image-grid plot was not available when written).
 */
final class ShowBatch {
    private static final int CELL = 160;
    private static final int TITLE = 22;
    private static final int GAP = 8;

    private ShowBatch() {}

    static Figure render(DataLoaders dls, int maxN, int nrows, int ncols) {
        if (maxN < 1) {
            throw new IllegalArgumentException("maxN must be at least 1, got " + maxN);
        }
        DataLoader dl = dls.train();
        List<BufferedImage> images = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(dl.device());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, 0)) {
            if (!it.hasNext()) {
                throw new IllegalStateException("The training loader has no batch to show");
            }
            try (Batch b = it.next()) {
                int n = Math.min(maxN, b.size());
                NDArray x = dl.decodeInputs(b.xs().singletonOrThrow());
                if (x.getDataType() != DataType.UINT8) {
                    x = x.clip(0f, 1f).mul(255f).round().toType(DataType.UINT8, false);
                }
                byte[] px = x.toByteArray();
                long[] s = x.getShape().getShape();
                int c = (int) s[1];
                int h = (int) s[2];
                int w = (int) s[3];
                for (int i = 0; i < n; i++) {
                    images.add(toImage(px, i, c, h, w));
                    titles.add(title(b.ys().singletonOrThrow().get(i), dl.vocab()));
                }
            }
        }
        int n = images.size();
        int cols = ncols > 0 ? ncols : (nrows > 0 ? (n + nrows - 1) / nrows
                : (int) Math.ceil(Math.sqrt(n)));
        int rows = nrows > 0 ? nrows : (n + cols - 1) / cols;
        return new Figure(grid(images, titles, rows, cols), "showBatch");
    }

    static String title(NDArray y, Optional<Vocab> vocab) {
        if (vocab.isPresent() && y.getShape().dimension() == 0 && y.getDataType().isInteger()) {
            return vocab.get().get((int) y.toLongArray()[0]);
        }
        if (vocab.isPresent() && y.getShape().dimension() == 1
                && y.getShape().get(0) == vocab.get().size()) {
            float[] hot = y.toType(DataType.FLOAT32, false).toFloatArray();
            StringJoiner j = new StringJoiner(";");
            for (int k = 0; k < hot.length; k++) {
                if (hot[k] > 0.5f) {
                    j.add(vocab.get().get(k));
                }
            }
            return j.toString();
        }
        float[] v = y.toType(DataType.FLOAT32, false).toFloatArray();
        StringJoiner j = new StringJoiner(", ");
        for (float f : v) {
            j.add(String.format(java.util.Locale.ROOT, "%.3g", f));
        }
        return j.toString();
    }

    private static BufferedImage toImage(byte[] px, int i, int c, int h, int w) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        int base = i * c * plane;
        for (int p = 0; p < plane; p++) {
            int r = px[base + p] & 0xff;
            int g = c >= 3 ? px[base + plane + p] & 0xff : r;
            int bl = c >= 3 ? px[base + 2 * plane + p] & 0xff : r;
            img.setRGB(p % w, p / w, (r << 16) | (g << 8) | bl);
        }
        return img;
    }

    private static BufferedImage grid(List<BufferedImage> images, List<String> titles, int rows,
            int cols) {
        int width = cols * (CELL + GAP) + GAP;
        int height = rows * (CELL + TITLE + GAP) + GAP;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            FontMetrics fm = g.getFontMetrics();
            for (int k = 0; k < images.size() && k < rows * cols; k++) {
                BufferedImage img = images.get(k);
                int x0 = GAP + (k % cols) * (CELL + GAP);
                int y0 = GAP + (k / cols) * (CELL + TITLE + GAP);
                double scale = Math.min((double) CELL / img.getWidth(),
                        (double) CELL / img.getHeight());
                int dw = (int) Math.round(img.getWidth() * scale);
                int dh = (int) Math.round(img.getHeight() * scale);
                boolean up = scale > 1;
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, up
                        ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
                        : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(img, x0 + (CELL - dw) / 2, y0 + TITLE + (CELL - dh) / 2, dw, dh, null);
                String t = titles.get(k);
                g.setColor(Color.BLACK);
                g.drawString(t, x0 + Math.max(0, (CELL - fm.stringWidth(t)) / 2),
                        y0 + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
