package org.fastai4j.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void lossChartDrawsTrainAndValidInTheirColours() {
        double[] train = new double[50];
        for (int i = 0; i < train.length; i++) {
            train[i] = 2.0 - i * 0.03;
        }
        BufferedImage img = Charts.losses(train, new int[] {25, 50}, new double[] {1.5, 1.0}, 5).toImage();
        assertThat(img.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(img.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(countColour(img, Charts.CYCLE[0].getRGB())).isGreaterThan(100); // train, C0 blue
        assertThat(countColour(img, Charts.CYCLE[1].getRGB())).isGreaterThan(100); // valid, C1 orange
    }

    @Test
    void scheduleHasOneSubplotPerHyperParameter() {
        Map<String, double[]> h = new LinkedHashMap<>();
        h.put("lr", new double[] {1e-4, 5e-4, 1e-3, 5e-4, 1e-6});
        h.put("mom", new double[] {0.95, 0.9, 0.85, 0.9, 0.95});
        BufferedImage two = Charts.schedule(h).toImage();
        h.remove("mom");
        BufferedImage one = Charts.schedule(h).toImage();
        assertThat(two.getWidth()).isEqualTo(2 * one.getWidth());
        assertThatThrownBy(() -> Charts.schedule(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lrFinderMarksSuggestionsAndRejectsNonPositiveLrs() {
        double[] lrs = new double[30];
        double[] losses = new double[30];
        for (int i = 0; i < lrs.length; i++) {
            lrs[i] = 1e-7 * Math.pow(10, i / 4.0);
            losses[i] = 2.0 - i * 0.02;
        }
        BufferedImage img = Charts.lrFinder(lrs, losses, 5,
                List.of(new Charts.Marker("valley", lrs[10], losses[10]))).toImage();
        assertThat(countColour(img, Charts.CYCLE[1].getRGB())).isGreaterThan(20); // the valley marker, C1
        lrs[0] = 0;
        assertThatThrownBy(() -> Charts.lrFinder(lrs, losses, 5, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("> 0");
        assertThatThrownBy(() -> new Charts.Series("s", new double[2], new double[3]))
                .hasMessageContaining("2 x values but 3 y values");
    }

    static int countColour(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }
}
