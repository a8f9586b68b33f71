package org.fastai4j.plot;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sequential colormap by matplotlib name ("Blues", "Greens", "Reds", "Oranges", "Purples",
 * "Greys", "viridis"; names are case-insensitive, a "_r" suffix reverses), linearly interpolated
 * between the ColorBrewer / matplotlib anchor colours.
 */
public final class Colormap {
    private static final Map<String, int[]> ANCHORS = Map.of(
            "blues", new int[] {0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b},
            "greens", new int[] {0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b},
            "reds", new int[] {0xfff5f0, 0xfee0d2, 0xfcbba1, 0xfc9272, 0xfb6a4a, 0xef3b2c, 0xcb181d, 0xa50f15, 0x67000d},
            "oranges", new int[] {0xfff5eb, 0xfee6ce, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xf16913, 0xd94801, 0xa63603, 0x7f2704},
            "purples", new int[] {0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d},
            "greys", new int[] {0xffffff, 0xf0f0f0, 0xd9d9d9, 0xbdbdbd, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000},
            "viridis", new int[] {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725});

    private final String name;
    private final int[] anchors;

    private Colormap(String name, int[] anchors) {
        this.name = name;
        this.anchors = anchors;
    }

    /**
     * {@return the colormap called {@code name}}
     *
     * @param name one of {@link #names()} in any letter case, optionally with a {@code "_r"}
     *     suffix for the reversed map (e.g. {@code "Blues"}, fastai's confusion-matrix default, or
     *     {@code "viridis_r"})
     * @throws IllegalArgumentException if the name is null or unknown; the message lists the known ones
     */
    public static Colormap of(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Colormap name is null; known: " + names());
        }
        String key = name.toLowerCase(Locale.ROOT);
        boolean reversed = key.endsWith("_r");
        int[] a = ANCHORS.get(reversed ? key.substring(0, key.length() - 2) : key);
        if (a == null) {
            throw new IllegalArgumentException("Unknown colormap '" + name + "'; known: " + names()
                    + " (add _r to reverse)");
        }
        int[] anchors = a.clone();
        if (reversed) {
            for (int i = 0; i < anchors.length / 2; i++) {
                int t = anchors[i];
                anchors[i] = anchors[anchors.length - 1 - i];
                anchors[anchors.length - 1 - i] = t;
            }
        }
        return new Colormap(name, anchors);
    }

    /** {@return the known names} */
    public static List<String> names() {
        return List.of("Blues", "Greens", "Reds", "Oranges", "Purples", "Greys", "viridis");
    }

    /** {@return the name this map was asked by} */
    public String name() {
        return name;
    }

    /**
     * {@return the colour at {@code t} in [0, 1] (clamped; NaN gives the low end)}
     *
     * @param t the normalized value: 0 gives the first (light, for the sequential maps) anchor
     *     colour, 1 the last
     */
    public Color at(double t) {
        double u = t > 0 ? Math.min(1, t) : 0;
        double pos = u * (anchors.length - 1);
        int i = Math.min(anchors.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * f);
    }

    /**
     * Black or white, whichever contrasts more with {@code background} (WCAG relative luminance):
     * the cell text colour of a heat map, white on dark cells.
     *
     * @param background the cell's fill colour (its alpha is ignored)
     * @return {@link Color#WHITE} or {@link Color#BLACK}; white when both contrast equally
     */
    public static Color textColorOn(Color background) {
        double l = luminance(background);
        double contrastWhite = 1.05 / (l + 0.05);
        double contrastBlack = (l + 0.05) / 0.05;
        return contrastWhite >= contrastBlack ? Color.WHITE : Color.BLACK;
    }

    /** WCAG relative luminance in [0, 1]. */
    static double luminance(Color c) {
        return 0.2126 * lin(c.getRed()) + 0.7152 * lin(c.getGreen()) + 0.0722 * lin(c.getBlue());
    }

    private static double lin(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
