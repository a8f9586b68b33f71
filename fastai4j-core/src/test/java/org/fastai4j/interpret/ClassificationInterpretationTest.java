package org.fastai4j.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Preds;
import org.junit.jupiter.api.Test;

/**
 * Hand-made predictions: 10 items, vocab (cat, dog, eel), dataset index = 100 + row.
 * targets = 0,0,0,0,1,1,1,2,2,2 and argmax predictions = 0,0,1,2,1,1,0,2,1,1, so the confusion
 * matrix (rows actual, columns predicted) is cat [2,1,1], dog [1,2,0], eel [0,2,1].
 * Losses are cross-entropy, -ln p(actual).
 */
class ClassificationInterpretationTest {
    static final Vocab VOCAB = new Vocab(List.of("cat", "dog", "eel"));
    static final int[] T = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    static final float[][] P = {
        {0.7f, 0.2f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0.3f, 0.6f, 0.1f}, {0.1f, 0.2f, 0.7f}, {0.1f, 0.8f, 0.1f},
        {0.2f, 0.5f, 0.3f}, {0.5f, 0.4f, 0.1f}, {0.1f, 0.1f, 0.8f}, {0.2f, 0.7f, 0.1f}, {0.3f, 0.4f, 0.3f}};

    static Preds preds(boolean withDecoded) {
        int n = T.length;
        float[][] targets = new float[n][];
        float[][] decoded = new float[n][];
        float[] losses = new float[n];
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = new float[] {T[i]};
            decoded[i] = new float[] {ClassificationInterpretation.argmax(P[i])};
            losses[i] = (float) -Math.log(P[i][T[i]]);
            idx[i] = 100 + i;
        }
        return new Preds(P, targets, withDecoded ? decoded : null, losses, idx);
    }

    static ClassificationInterpretation interp() {
        return ClassificationInterpretation.fromPreds(preds(true), VOCAB, ClassificationInterpretationTest::solid);
    }

    /** A 32×32 tile whose colour encodes the dataset index. */
    static BufferedImage solid(int index) {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, colourOf(index));
            }
        }
        return img;
    }

    static int colourOf(int index) {
        return (index * 2) << 16 | 0x0040C0;
    }

    @Test
    void confusionMatrixRowsAreActualColumnsPredicted() {
        assertThat(interp().confusionMatrix()).isDeepEqualTo(new int[][] {{2, 1, 1}, {1, 2, 0}, {0, 2, 1}});
        // decoded null → argmax of the probabilities gives the same matrix
        ClassificationInterpretation noDec = ClassificationInterpretation.fromPreds(preds(false), VOCAB, null);
        assertThat(noDec.confusionMatrix()).isDeepEqualTo(interp().confusionMatrix());
    }

    @Test
    void mostConfusedSortsDescendingKeepingRowMajorOrderOnTies() {
        // off-diagonal cells ≥ 1 in row-major order: (cat,dog,1) (cat,eel,1) (dog,cat,1) (eel,dog,2);
        // fastai sorts by count, descending, stably
        assertThat(interp().mostConfused(1)).containsExactly(
                new Confusion("eel", "dog", 2), new Confusion("cat", "dog", 1),
                new Confusion("cat", "eel", 1), new Confusion("dog", "cat", 1));
        assertThat(interp().mostConfused(2)).containsExactly(new Confusion("eel", "dog", 2));
        assertThat(interp().mostConfused(3)).isEmpty();
    }

    @Test
    void topLossesLargestAndSmallest() {
        // largest: rows 3 and 8 have p(actual) = 0.1 (loss ln 10 = 2.3026), then rows 2 and 9 with 0.3 (1.2040)
        TopLosses top = interp().topLosses(3, true);
        assertThat(top.rows()).containsExactly(3, 8, 2);
        assertThat(top.indices()).containsExactly(103, 108, 102);
        assertThat(top.losses()[0]).isCloseTo((float) Math.log(10), within(1e-6f));
        assertThat(top.losses()[2]).isCloseTo((float) -Math.log(0.3f), within(1e-6f));
        // smallest: rows 4 and 7 (p(actual) = 0.8, loss 0.2231), then row 0 (0.7, 0.3567)
        assertThat(interp().topLosses(3, false).rows()).containsExactly(4, 7, 0);
        assertThat(interp().topLosses(99, true).size()).isEqualTo(10);
        assertThatThrownBy(() -> interp().topLosses(-1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topLossTitleNamesPredictedActualLossAndBothProbabilities() {
        // row 3: predicted eel (p 0.7), actual cat (p 0.1), loss ln 10 = 2.30
        assertThat(interp().topLossTitle(3)).isEqualTo("eel/cat / 2.30 / 0.70\np(actual) = 0.10");
    }

    @Test
    void plotTopLossesDrawsTheItemsInLossOrder() {
        BufferedImage img = interp().plotTopLosses(3, 1, 3).toImage();
        int x103 = firstX(img, colourOf(103));
        int x108 = firstX(img, colourOf(108));
        int x102 = firstX(img, colourOf(102));
        assertThat(x103).isPositive().isLessThan(x108);
        assertThat(x108).isLessThan(x102);
        assertThat(firstX(img, colourOf(109))).isEqualTo(-1); // 4th largest is not shown
    }

    @Test
    void classificationReportMatchesSklearn() throws Exception {
        ClassificationReport r = interp().classificationReport();
        // cat: TP 2, predicted 3, support 4 → P 2/3, R 1/2, F1 2·(2/3)(1/2)/(2/3+1/2) = 4/7
        ClassificationReport.Scores cat = r.classes().get(0);
        assertThat(cat.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(cat.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(cat.f1()).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(cat.support()).isEqualTo(4);
        // dog: TP 2, predicted 5 → P 0.4, R 2/3, F1 0.5; eel: TP 1, predicted 2 → P 0.5, R 1/3, F1 0.4
        assertThat(r.classes().get(1).f1()).isCloseTo(0.5, within(1e-12));
        assertThat(r.classes().get(2).f1()).isCloseTo(0.4, within(1e-12));
        assertThat(r.accuracy()).isEqualTo(0.5); // 5 of 10 on the diagonal
        // macro = plain means; weighted by support (4, 3, 3)
        assertThat(r.macroAvg().precision()).isCloseTo((2.0 / 3 + 0.4 + 0.5) / 3, within(1e-12));
        assertThat(r.weightedAvg().f1()).isCloseTo((4 * 4.0 / 7 + 3 * 0.5 + 3 * 0.4) / 10, within(1e-12));
        assertThat(r.weightedAvg().support()).isEqualTo(10);
        // the text is sklearn's, byte for byte (fixture from make_report_fixture.py)
        try (InputStream in = getClass().getResourceAsStream("/interpret/classification_report.txt")) {
            assertThat(r.text()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void badPredsAreRejectedWithTheirRow() {
        Preds p = preds(true);
        p.targets()[4] = new float[] {3};
        assertThatThrownBy(() -> ClassificationInterpretation.fromPreds(p, VOCAB, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target row 4 is 3.0");
        assertThatThrownBy(() -> ClassificationInterpretation.fromPreds(preds(true),
                new Vocab(List.of("a", "b")), null)).hasMessageContaining("vocab has 2 classes");
    }

    @Test
    void showResultsTitlesActualThenPredictedGreenWhenRightRedWhenWrong() {
        var grid = Results.grid(preds(true), VOCAB, ClassificationInterpretationTest::solid, 4);
        assertThat(grid.size()).isEqualTo(4);
        // rows 0,1 right (green), rows 2,3 wrong (red)
        assertThat(colourCount(grid.figure().toImage(), grid.titleBounds(0), Results.RIGHT)).isGreaterThan(20);
        assertThat(colourCount(grid.figure().toImage(), grid.titleBounds(0), Results.WRONG)).isZero();
        assertThat(colourCount(grid.figure().toImage(), grid.titleBounds(2), Results.WRONG)).isGreaterThan(20);
        assertThat(colourCount(grid.figure().toImage(), grid.titleBounds(2), Results.RIGHT)).isZero();
    }

    static int firstX(BufferedImage img, int rgb) {
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    return x;
                }
            }
        }
        return -1;
    }

    static int colourCount(BufferedImage img, java.awt.Rectangle box, Color c) {
        int n = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }
}
