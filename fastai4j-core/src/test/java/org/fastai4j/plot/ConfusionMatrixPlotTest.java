package org.fastai4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixPlotTest {
    private static final int[][] CM = {{50, 2, 0}, {3, 40, 1}, {0, 5, 10}};

    @Test
    void cellsCarryValuesAndColoursAndTextSwitchesOnDarkCells() {
        ConfusionMatrixPlot p = ConfusionMatrixPlot.render(CM, List.of("cat", "dog", "eel"), false,
                "Confusion matrix", "Blues");
        BufferedImage img = p.figure().toImage();
        int cell = p.cellSize();
        Point last = p.cellCenter(2, 2);
        assertThat(img.getWidth()).isGreaterThan(last.x + cell / 2);
        assertThat(img.getHeight()).isGreaterThan(last.y + cell / 2 + 30); // room for labels below
        assertThat(p.cellText(0, 0)).isEqualTo("50");
        assertThat(p.cellText(2, 1)).isEqualTo("5");
        // imshow scaling: 50 is the max → Blues' darkest anchor; 0 is the min → the lightest
        assertThat(p.cellColor(0, 0)).isEqualTo(new Color(0x08306b));
        assertThat(p.cellColor(0, 2)).isEqualTo(new Color(0xf7fbff));
        // dark cell: background at the corner, white text pixels inside, no black ones
        assertThat(colourAt(img, p, 0, 0, -cell / 2 + 2, -cell / 2 + 2)).isEqualTo(0x08306b);
        assertThat(count(img, p, 0, 0, 0xFFFFFF)).isGreaterThan(10);
        assertThat(count(img, p, 0, 0, 0x000000)).isZero();
        // light cell: black text, and no pixel lighter than its fill (white text would add some)
        assertThat(count(img, p, 0, 2, 0x000000)).isGreaterThan(10);
        assertThat(exact(img, p, 0, 2, 0xFFFFFF)).isZero();
    }

    @Test
    void normalizedShowsRowFractionsAndNanForEmptyRows() {
        int[][] cm = {{50, 2, 0}, {3, 40, 1}, {0, 0, 0}};
        ConfusionMatrixPlot p = ConfusionMatrixPlot.render(cm, List.of("a", "b", "c"), true, "t", "Greens");
        assertThat(p.cellText(0, 0)).isEqualTo("0.96"); // 50 / 52 = 0.9615
        assertThat(p.cellText(1, 2)).isEqualTo("0.02"); // 1 / 44 = 0.0227
        assertThat(p.cellText(2, 0)).isEqualTo("nan"); // 0 / 0, as numpy
    }

    /** Normalized cells read as in fastai's plot, whose text is Python's {@code f'{cm[i, j]:.2f}'}. */
    @Test
    void normalizedCellsRoundHalfEvenLikeFastai() {
        // rows of 8: fractions 1/8, 3/8, 5/8, 7/8 are exact binary ties at the third decimal.
        // Python: ['%.2f' % (k / 8) for k in (1, 3, 5, 7)] == ['0.12', '0.38', '0.62', '0.88']
        // (Java's %.2f, HALF_UP, would show 0.13 and 0.63)
        int[][] cm = {{1, 7}, {3, 5}};
        ConfusionMatrixPlot p = ConfusionMatrixPlot.render(cm, List.of("a", "b"), true, "t", "Blues");
        assertThat(p.cellText(0, 0)).isEqualTo("0.12");
        assertThat(p.cellText(0, 1)).isEqualTo("0.88");
        assertThat(p.cellText(1, 0)).isEqualTo("0.38");
        assertThat(p.cellText(1, 1)).isEqualTo("0.62");
    }

    @Test
    void longLabelsAreRotatedSoTheFigureGrowsDownNotSideways() {
        ConfusionMatrixPlot shortL = ConfusionMatrixPlot.render(CM, List.of("a", "b", "c"), false, "", "Blues");
        ConfusionMatrixPlot longL = ConfusionMatrixPlot.render(CM,
                List.of("a very long class name", "another long class name", "c"), false, "", "Blues");
        int gridBottomShort = shortL.cellCenter(2, 2).y;
        int gridBottomLong = longL.cellCenter(2, 2).y;
        int belowShort = shortL.figure().toImage().getHeight() - gridBottomShort;
        int belowLong = longL.figure().toImage().getHeight() - gridBottomLong;
        assertThat(belowLong).isGreaterThan(belowShort + 100);
    }

    @Test
    void badInputsAreRejected() {
        assertThatThrownBy(() -> ConfusionMatrixPlot.render(CM, List.of("a", "b"), false, "", "Blues"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 rows but 2 labels");
        assertThatThrownBy(() -> ConfusionMatrixPlot.render(CM, List.of("a", "b", "c"), false, "", "Jet"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown colormap 'Jet'");
    }

    @Test
    void colormapsInterpolateAndReverse() {
        assertThat(Colormap.of("blues").at(0)).isEqualTo(new Color(0xf7fbff));
        assertThat(Colormap.of("Blues_r").at(0)).isEqualTo(new Color(0x08306b));
        assertThat(Colormap.of("Greys").at(0.5)).isEqualTo(new Color(0x969696)); // anchor 4 of 9
        assertThat(Colormap.textColorOn(new Color(0x08306b))).isEqualTo(Color.WHITE);
        assertThat(Colormap.textColorOn(new Color(0xf7fbff))).isEqualTo(Color.BLACK);
    }

    private static int colourAt(BufferedImage img, ConfusionMatrixPlot p, int i, int j, int dx, int dy) {
        Point c = p.cellCenter(i, j);
        return img.getRGB(c.x + dx, c.y + dy) & 0xFFFFFF;
    }

    private static int exact(BufferedImage img, ConfusionMatrixPlot p, int i, int j, int rgb) {
        Point c = p.cellCenter(i, j);
        int half = p.cellSize() / 2 - 2;
        int n = 0;
        for (int y = c.y - half; y < c.y + half; y++) {
            for (int x = c.x - half; x < c.x + half; x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    /** Near-white (text, not the lightest cell fill) or near-black pixels inside cell (i, j). */
    private static int count(BufferedImage img, ConfusionMatrixPlot p, int i, int j, int rgb) {
        Point c = p.cellCenter(i, j);
        int half = p.cellSize() / 2 - 2;
        int n = 0;
        for (int y = c.y - half; y < c.y + half; y++) {
            for (int x = c.x - half; x < c.x + half; x++) {
                int v = img.getRGB(x, y);
                int r = (v >> 16) & 0xFF;
                int g = (v >> 8) & 0xFF;
                int b = v & 0xFF;
                boolean white = r > 200 && g > 200 && b > 200 && (v & 0xFFFFFF) != 0xf7fbff;
                boolean black = r < 60 && g < 60 && b < 60;
                n += (rgb == 0xFFFFFF ? white : black) ? 1 : 0;
            }
        }
        return n;
    }
}
