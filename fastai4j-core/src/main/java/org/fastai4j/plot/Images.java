package org.fastai4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversions from plain Java arrays to images, and image scaling for display. Arrays are in
 * channel-first (CHW) order, as the model sees them; 1 channel gives a grey image, 3 channels RGB.
 */
public final class Images {
    private Images() {
    }

    /**
     * An image from CHW floats in [0, 1] (values outside are clamped).
     *
     * @param data {@code c*h*w} values, channel-major
     * @param c 1 (grey) or 3 (RGB)
     * @param h the height in pixels
     * @param w the width in pixels
     * @return the image
     */
    public static BufferedImage fromChw(float[] data, int c, int h, int w) {
        checkShape(data == null ? -1 : data.length, c, h, w);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int r = toByte(data[p]);
                int g = c == 3 ? toByte(data[plane + p]) : r;
                int b = c == 3 ? toByte(data[2 * plane + p]) : r;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /**
     * An image from CHW unsigned bytes (0..255).
     *
     * @param data {@code c*h*w} values, channel-major, read as unsigned
     * @param c 1 (grey) or 3 (RGB)
     * @param h the height in pixels
     * @param w the width in pixels
     * @return the image
     */
    public static BufferedImage fromChw(byte[] data, int c, int h, int w) {
        checkShape(data == null ? -1 : data.length, c, h, w);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            int r = data[p] & 0xFF;
            int g = c == 3 ? data[plane + p] & 0xFF : r;
            int b = c == 3 ? data[2 * plane + p] & 0xFF : r;
            img.setRGB(p % w, p / w, (r << 16) | (g << 8) | b);
        }
        return img;
    }

    private static void checkShape(int length, int c, int h, int w) {
        if (c != 1 && c != 3) {
            throw new IllegalArgumentException("Images.fromChw: channels must be 1 or 3, got " + c);
        }
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException("Images.fromChw: height and width must be > 0, got " + h + "x" + w);
        }
        if (length != (long) c * h * w) {
            throw new IllegalArgumentException("Images.fromChw: expected " + ((long) c * h * w)
                    + " values for shape (" + c + ", " + h + ", " + w + "), got " + length);
        }
    }

    private static int toByte(float v) {
        if (!(v > 0f)) {
            return 0; // also NaN
        }
        return v >= 1f ? 255 : Math.round(v * 255f);
    }

    /**
     * Scales an image for display: images whose longer side is below {@code minSize} are enlarged
     * by the smallest integer factor reaching it, with nearest-neighbour sampling (crisp pixels);
     * images whose longer side exceeds {@code maxSize} are reduced bilinearly to fit it.
     *
     * @param img the image to scale (not modified)
     * @param minSize the longer side small images are enlarged to
     * @param maxSize the longer side large images are reduced to
     * @return the image
     */
    public static BufferedImage scaleForDisplay(BufferedImage img, int minSize, int maxSize) {
        if (minSize <= 0 || maxSize < minSize) {
            throw new IllegalArgumentException("scaleForDisplay: need 0 < minSize <= maxSize, got "
                    + minSize + ", " + maxSize);
        }
        int longer = Math.max(img.getWidth(), img.getHeight());
        if (longer < minSize) {
            int k = (minSize + longer - 1) / longer;
            return resize(img, img.getWidth() * k, img.getHeight() * k, false);
        }
        if (longer > maxSize) {
            double s = (double) maxSize / longer;
            return resize(img, Math.max(1, (int) Math.round(img.getWidth() * s)),
                    Math.max(1, (int) Math.round(img.getHeight() * s)), true);
        }
        return img;
    }

    /**
     * Resizes with nearest-neighbour ({@code smooth = false}) or bilinear sampling.
     *
     * @param img the image to resize (not modified)
     * @param w the width in pixels
     * @param h the height in pixels
     * @param smooth bilinear when true, nearest-neighbour when false
     * @return the image
     */
    public static BufferedImage resize(BufferedImage img, int w, int h, boolean smooth) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, smooth
                ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
                : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * A tile showing text on a light grey background, for items that are not images (the text is
     * wrapped to the tile width; lines that do not fit are dropped, the last one ending in "…").
     *
     * @param text the text to show
     * @param w the width in pixels
     * @param h the height in pixels
     * @return the image
     */
    public static BufferedImage textTile(String text, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xEE, 0xEE, 0xEE));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.DARK_GRAY);
        FontMetrics fm = g.getFontMetrics();
        List<String> lines = wrap(text == null ? "" : text, fm, w - 8);
        int maxLines = Math.max(1, (h - 8) / fm.getHeight());
        for (int i = 0; i < Math.min(lines.size(), maxLines); i++) {
            String line = lines.get(i);
            if (i == maxLines - 1 && lines.size() > maxLines) {
                line = TextFit.elide(line + "…", fm, w - 8);
            }
            g.drawString(line, 4, 4 + fm.getAscent() + i * fm.getHeight());
        }
        g.dispose();
        return img;
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < para.length(); i++) {
                char ch = para.charAt(i);
                if (line.length() > 0 && fm.stringWidth(line.toString() + ch) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(ch);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
