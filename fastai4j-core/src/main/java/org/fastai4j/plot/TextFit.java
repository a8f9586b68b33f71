package org.fastai4j.plot;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;

/** Fitting text into a width: shrink the font down to a floor, then elide with "…". */
final class TextFit {
    private TextFit() {
    }

    /** The largest font from {@code font}'s size down to {@code minSize} in which {@code text} fits. */
    static Font fit(Graphics2D g, Font font, String text, int width, int minSize) {
        Font f = font;
        while (f.getSize() > minSize && g.getFontMetrics(f).stringWidth(text) > width) {
            f = f.deriveFont((float) (f.getSize() - 1));
        }
        return f;
    }

    /** {@code text} cut and ending with "…" so it fits {@code width} (unchanged if it fits). */
    static String elide(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text.endsWith("…") ? text.substring(0, text.length() - 1) : text;
        while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }
}
