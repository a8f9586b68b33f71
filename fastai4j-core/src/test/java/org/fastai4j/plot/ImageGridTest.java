package org.fastai4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    /** A 28×28 grey image whose pixels are all {@code v} in [0,1]. */
    private static BufferedImage grey(float v) {
        float[] d = new float[28 * 28];
        java.util.Arrays.fill(d, v);
        return Images.fromChw(d, 1, 28, 28);
    }

    @Test
    void fromChwMapsChannelsAndClamps() {
        // 3×1×2 CHW: pixel 0 = (1, 0, 0.5), pixel 1 = (-1 → 0, 2 → 1, 0.2)
        float[] d = {1f, -1f, 0f, 2f, 0.5f, 0.2f};
        BufferedImage img = Images.fromChw(d, 3, 1, 2);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo((255 << 16) | (0 << 8) | 128);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo((0 << 16) | (255 << 8) | 51);
        BufferedImage u8 = Images.fromChw(new byte[] {(byte) 200}, 1, 1, 1);
        assertThat(u8.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xC8C8C8);
        assertThatThrownBy(() -> Images.fromChw(new float[5], 3, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 6");
        assertThatThrownBy(() -> Images.fromChw(new float[4], 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 or 3");
    }

    @Test
    void smallImagesAreUpscaledByAnIntegerFactor() {
        BufferedImage s = Images.scaleForDisplay(grey(0.5f), 128, 256);
        assertThat(s.getWidth()).isEqualTo(140); // ceil(128/28) = 5, 5*28
        BufferedImage big = Images.scaleForDisplay(new BufferedImage(512, 256, BufferedImage.TYPE_INT_RGB), 128, 256);
        assertThat(big.getWidth()).isEqualTo(256);
        assertThat(big.getHeight()).isEqualTo(128);
    }

    @Test
    void gridLayoutFollowsFastaiGetGridAndDrawsTitles(@TempDir Path dir) throws Exception {
        ImageGrid.Builder b = ImageGrid.builder();
        for (int i = 0; i < 5; i++) {
            b.addImage(grey(0.1f * i), "class " + i + "\nline two", i % 2 == 0 ? Color.GREEN : Color.RED);
        }
        ImageGrid grid = b.buildGrid();
        // fastai get_grid(5): nrows = int(sqrt(5)) = 2, ncols = ceil(5/2) = 3
        assertThat(grid.nrows()).isEqualTo(2);
        assertThat(grid.ncols()).isEqualTo(3);
        assertThat(grid.size()).isEqualTo(5);
        BufferedImage img = grid.figure().toImage();
        Rectangle first = grid.imageBounds(0);
        Rectangle second = grid.imageBounds(1);
        Rectangle fourth = grid.imageBounds(3);
        assertThat(first.width).isEqualTo(140);
        assertThat(second.y).isEqualTo(first.y);
        assertThat(second.x).isGreaterThan(first.x + first.width);
        assertThat(fourth.x).isEqualTo(first.x);
        assertThat(fourth.y).isGreaterThan(first.y + first.height);
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(3 * 140 + 4 * ImageGrid.PAD);
        // tile 3's pixels are 0.3 grey = 77 → (77,77,77)
        assertThat(img.getRGB(fourth.x + 70, fourth.y + 70) & 0xFFFFFF).isEqualTo(0x4D4D4D);
        // title box of tile 0 holds green text, tile 1 red text; both two lines (upper and lower halves)
        assertThat(countColoured(img, grid.titleBounds(0), true, 0, 2)).isGreaterThan(20);
        assertThat(countColoured(img, grid.titleBounds(0), true, 1, 2)).isGreaterThan(20);
        assertThat(countColoured(img, grid.titleBounds(1), false, 0, 2)).isGreaterThan(20);
        assertThat(countColoured(img, grid.titleBounds(1), true, 0, 2)).isZero();
        // the sixth cell stays blank (white)
        Rectangle blank = new Rectangle(second.x + (second.x - first.x), fourth.y, 140, 140);
        assertThat(img.getRGB(blank.x + 70, blank.y + 70) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        Path png = grid.figure().save(dir.resolve("grid.png"));
        assertThat(ImageIO.read(Files.newInputStream(png)).getWidth()).isEqualTo(img.getWidth());
    }

    @Test
    void explicitRowsAndColumnsTruncateAndValidate() {
        ImageGrid.Builder b = ImageGrid.builder().optNrows(1).optNcols(2).optTitle("Suptitle");
        for (int i = 0; i < 3; i++) {
            b.addImage(grey(0.5f));
        }
        ImageGrid g = b.buildGrid();
        assertThat(g.size()).isEqualTo(2);
        ImageGrid chw = ImageGrid.builder().addChw(new byte[] {(byte) 255, 0, 0, 0}, 1, 2, 2, "u8", null)
                .addChw(new float[12], 3, 2, 2, "f32", Color.RED).buildGrid();
        BufferedImage ci = chw.figure().toImage();
        Rectangle r0 = chw.imageBounds(0);
        assertThat(r0.width).isEqualTo(128); // 2 px × 64
        assertThat(ci.getRGB(r0.x, r0.y) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(ci.getRGB(r0.x + 127, r0.y) & 0xFFFFFF).isZero();
        assertThat(g.imageBounds(0).y).isGreaterThan(ImageGrid.PAD + 10); // below the suptitle
        assertThatThrownBy(() -> ImageGrid.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageGrid.builder().optNrows(0)).hasMessageContaining("nrows");
    }

    /** Pixels in the upper/lower part {@code part} of {@code parts} of a box that are mostly green (or red). */
    static int countColoured(BufferedImage img, Rectangle box, boolean green, int part, int parts) {
        int count = 0;
        int h = box.height / parts;
        for (int y = box.y + part * h; y < box.y + (part + 1) * h; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int gr = (rgb >> 8) & 0xFF;
                int bl = rgb & 0xFF;
                boolean hit = green ? gr > 100 && r < 100 && bl < 100 : r > 100 && gr < 100 && bl < 100;
                count += hit ? 1 : 0;
            }
        }
        return count;
    }
}
