package org.fastai4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A grid of titled images (Java2D), fastai's {@code show_images}/{@code get_grid}: each tile is an
 * image with a title above it (several lines allowed, each centred, in an optional colour). Small
 * images are enlarged with nearest-neighbour sampling so tiles are at least {@code minTileSize}
 * pixels (28×28 Fashion-MNIST becomes 140×140); large ones are reduced to {@code maxTileSize}.
 *
 * <pre>{@code
 * Figure f = ImageGrid.builder().optNrows(3).optNcols(3)
 *         .addImage(img, "Sneaker", Color.BLACK)
 *         .build();
 * }</pre>
 *
 * <p>Rows and columns follow fastai's {@code get_grid}: given neither, {@code nrows =
 * floor(sqrt(n))} and {@code ncols = ceil(n / nrows)}; given one, the other is {@code ceil(n / it)}.
 * Images beyond {@code nrows × ncols} are not shown.
 */
public final class ImageGrid {
    /** Space between tiles and around the grid, in pixels. */
    public static final int PAD = 12;

    private final Figure figure;
    private final int nrows;
    private final int ncols;
    private final List<Rectangle> imageBounds;
    private final List<Rectangle> titleBounds;

    private ImageGrid(Figure figure, int nrows, int ncols, List<Rectangle> images, List<Rectangle> titles) {
        this.figure = figure;
        this.nrows = nrows;
        this.ncols = ncols;
        this.imageBounds = List.copyOf(images);
        this.titleBounds = List.copyOf(titles);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the rendered grid} */
    public Figure figure() {
        return figure;
    }

    /** {@return the number of rows} */
    public int nrows() {
        return nrows;
    }

    /** {@return the number of columns} */
    public int ncols() {
        return ncols;
    }

    /**
     * Where tile {@code i}'s image was drawn (row-major order), in figure pixels.
     *
     * @param i the tile index, in insertion order
     * @return the box, in figure pixels
     */
    public Rectangle imageBounds(int i) {
        return new Rectangle(imageBounds.get(i));
    }

    /**
     * {@return the box reserved for tile {@code i}'s title, in figure pixels}
     *
     * @param i the tile index, in insertion order
     */
    public Rectangle titleBounds(int i) {
        return new Rectangle(titleBounds.get(i));
    }

    /** {@return the number of tiles drawn} */
    public int size() {
        return imageBounds.size();
    }

    private record Tile(BufferedImage image, String[] lines, Color color) {
    }

    /** Collects titled images and renders them; see {@link ImageGrid}. */
    public static final class Builder {
        private final List<Tile> tiles = new ArrayList<>();
        private int nrows;
        private int ncols;
        private int minTileSize = 128;
        private int maxTileSize = 256;
        private float fontSize = 14f;
        private String title;

        private Builder() {
        }

        /**
         * The number of rows (default from fastai's {@code get_grid}).
         *
         * @param nrows the number of rows, > 0
         * @return this builder
         */
        public Builder optNrows(int nrows) {
            this.nrows = positive("nrows", nrows);
            return this;
        }

        /**
         * The number of columns (default from fastai's {@code get_grid}).
         *
         * @param ncols the number of columns, > 0
         * @return this builder
         */
        public Builder optNcols(int ncols) {
            this.ncols = positive("ncols", ncols);
            return this;
        }

        /**
         * Smaller images are enlarged by an integer factor until their longer side reaches this (default 128).
         *
         * @param px the size in pixels, > 0
         * @return this builder
         */
        public Builder optMinTileSize(int px) {
            this.minTileSize = positive("minTileSize", px);
            return this;
        }

        /**
         * Larger images are reduced so their longer side is this (default 256).
         *
         * @param px the size in pixels, > 0
         * @return this builder
         */
        public Builder optMaxTileSize(int px) {
            this.maxTileSize = positive("maxTileSize", px);
            return this;
        }

        /**
         * Title font size in pixels (default 14; shrunk down to 9 for lines that do not fit).
         *
         * @param px the size in pixels, > 0
         * @return this builder
         */
        public Builder optFontSize(float px) {
            if (!(px >= 6f)) {
                throw new IllegalArgumentException("ImageGrid fontSize must be >= 6, got " + px);
            }
            this.fontSize = px;
            return this;
        }

        /**
         * A title over the whole grid (fastai's {@code suptitle}).
         *
         * @param title the title, lines separated by "\n" (null for none)
         * @return this builder
         */
        public Builder optTitle(String title) {
            this.title = title;
            return this;
        }

        /**
         * Adds an image with a title ("\n" separates lines) drawn in {@code color} (black if null).
         *
         * @param image the tile's image, scaled for display when the grid is rendered
         * @param title the title, lines separated by "\n" (null for none)
         * @param color the title colour (black if null)
         * @return this builder
         */
        public Builder addImage(BufferedImage image, String title, Color color) {
            Objects.requireNonNull(image, "image");
            String t = title == null ? "" : title;
            tiles.add(new Tile(image, t.isEmpty() ? new String[0] : t.split("\n", -1),
                    color == null ? Color.BLACK : color));
            return this;
        }

        /**
         * Adds a CHW float image in [0, 1] (1 or 3 channels, see {@link Images#fromChw(float[], int, int, int)}).
         *
         * @param data the pixels, channel-major
         * @param c the number of channels (1 or 3)
         * @param h the height in pixels
         * @param w the width in pixels
         * @param title the title, lines separated by "\n" (null for none)
         * @param color the title colour (black if null)
         * @return this builder
         */
        public Builder addChw(float[] data, int c, int h, int w, String title, Color color) {
            return addImage(Images.fromChw(data, c, h, w), title, color);
        }

        /**
         * Adds a CHW uint8 image (1 or 3 channels, see {@link Images#fromChw(byte[], int, int, int)}).
         *
         * @param data the pixels, channel-major
         * @param c the number of channels (1 or 3)
         * @param h the height in pixels
         * @param w the width in pixels
         * @param title the title, lines separated by "\n" (null for none)
         * @param color the title colour (black if null)
         * @return this builder
         */
        public Builder addChw(byte[] data, int c, int h, int w, String title, Color color) {
            return addImage(Images.fromChw(data, c, h, w), title, color);
        }

        /**
         * Adds an image with a black title.
         *
         * @param image the tile's image, scaled for display when the grid is rendered
         * @param title the title, lines separated by "\n" (null for none)
         * @return this builder
         */
        public Builder addImage(BufferedImage image, String title) {
            return addImage(image, title, Color.BLACK);
        }

        /**
         * Adds an untitled image.
         *
         * @param image the tile's image, scaled for display when the grid is rendered
         * @return this builder
         */
        public Builder addImage(BufferedImage image) {
            return addImage(image, null, null);
        }

        /**
         * Renders the grid and returns its figure.
         *
         * @return the rendered grid as a figure
         * @throws IllegalArgumentException if no image was added or the maximum tile size is
         *     below the minimum
         */
        public Figure build() {
            return buildGrid().figure();
        }

        /**
         * Renders the grid, keeping where each tile went (for tests and callers that annotate).
         * Without rows or columns set the shape is fastai's {@code get_grid}: {@code floor(sqrt(n))}
         * rows and enough columns for all images; images beyond {@code nrows × ncols} are left out.
         *
         * @return the rendered grid with its figure and tile positions
         * @throws IllegalArgumentException if no image was added or the maximum tile size is
         *     below the minimum
         */
        public ImageGrid buildGrid() {
            if (tiles.isEmpty()) {
                throw new IllegalArgumentException("ImageGrid: no images added");
            }
            if (maxTileSize < minTileSize) {
                throw new IllegalArgumentException("ImageGrid: maxTileSize " + maxTileSize
                        + " < minTileSize " + minTileSize);
            }
            int n = tiles.size();
            int rows = nrows;
            int cols = ncols;
            if (rows > 0) {
                cols = cols > 0 ? cols : (n + rows - 1) / rows;
            } else if (cols > 0) {
                rows = (n + cols - 1) / cols;
            } else {
                rows = Math.max(1, (int) Math.sqrt(n));
                cols = (n + rows - 1) / rows;
            }
            return GridRenderer.render(tiles.subList(0, Math.min(n, rows * cols)), rows, cols,
                    minTileSize, maxTileSize, fontSize, title);
        }

        private static int positive(String name, int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("ImageGrid " + name + " must be > 0, got " + v);
            }
            return v;
        }
    }

    /** Lays out and draws the tiles. */
    private static final class GridRenderer {
        static ImageGrid render(List<Tile> tiles, int rows, int cols, int minTile, int maxTile,
                float fontSize, String suptitle) {
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(fontSize));
            Font supFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(fontSize * 1.25f));
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D pg = probe.createGraphics();
            FontMetrics fm = pg.getFontMetrics(font);
            List<BufferedImage> scaled = new ArrayList<>();
            int imgW = 0;
            int imgH = 0;
            int titleW = 0;
            int lines = 0;
            for (Tile t : tiles) {
                BufferedImage s = Images.scaleForDisplay(t.image(), minTile, maxTile);
                scaled.add(s);
                imgW = Math.max(imgW, s.getWidth());
                imgH = Math.max(imgH, s.getHeight());
                lines = Math.max(lines, t.lines().length);
                for (String l : t.lines()) {
                    titleW = Math.max(titleW, fm.stringWidth(l));
                }
            }
            int cellW = Math.max(imgW, Math.min(titleW, Math.max(2 * imgW, 200)));
            int lineH = fm.getHeight();
            int titleH = lines == 0 ? 0 : lines * lineH + 4;
            int supH = suptitle == null || suptitle.isEmpty() ? 0 : pg.getFontMetrics(supFont).getHeight() + PAD;
            pg.dispose();
            int width = PAD + cols * (cellW + PAD);
            int height = PAD + supH + rows * (titleH + imgH + PAD);
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            if (supH > 0) {
                g.setColor(Color.BLACK);
                Font f = TextFit.fit(g, supFont, suptitle, width - 2 * PAD, 10);
                g.setFont(f);
                FontMetrics sfm = g.getFontMetrics();
                String s = TextFit.elide(suptitle, sfm, width - 2 * PAD);
                g.drawString(s, (width - sfm.stringWidth(s)) / 2, PAD + sfm.getAscent());
            }
            List<Rectangle> imageBoxes = new ArrayList<>();
            List<Rectangle> titleBoxes = new ArrayList<>();
            for (int i = 0; i < tiles.size(); i++) {
                int x0 = PAD + (i % cols) * (cellW + PAD);
                int y0 = PAD + supH + (i / cols) * (titleH + imgH + PAD);
                Tile t = tiles.get(i);
                Rectangle titleBox = new Rectangle(x0, y0, cellW, titleH);
                drawTitle(g, t, font, titleBox, lineH);
                BufferedImage s = scaled.get(i);
                int ix = x0 + (cellW - s.getWidth()) / 2;
                int iy = y0 + titleH + (imgH - s.getHeight()) / 2;
                g.drawImage(s, ix, iy, null);
                imageBoxes.add(new Rectangle(ix, iy, s.getWidth(), s.getHeight()));
                titleBoxes.add(titleBox);
            }
            g.dispose();
            String figTitle = suptitle == null || suptitle.isEmpty() ? "images" : suptitle;
            return new ImageGrid(new Figure(out, figTitle), rows, cols, imageBoxes, titleBoxes);
        }

        private static void drawTitle(Graphics2D g, Tile t, Font font, Rectangle box, int lineH) {
            g.setColor(t.color());
            for (int l = 0; l < t.lines().length; l++) {
                Font f = TextFit.fit(g, font, t.lines()[l], box.width, 9);
                g.setFont(f);
                FontMetrics lfm = g.getFontMetrics();
                String s = TextFit.elide(t.lines()[l], lfm, box.width);
                int x = box.x + (box.width - lfm.stringWidth(s)) / 2;
                int baseline = box.y + l * lineH + (lineH + lfm.getAscent() - lfm.getDescent()) / 2;
                g.drawString(s, x, baseline);
            }
        }
    }
}
