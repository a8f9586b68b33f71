package org.fastai4j.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.fastai4j.learner.Preds;
import org.junit.jupiter.api.Test;

class InterpretationTest {

    /** Regression: 4 items, target t, prediction p, loss (p - t)². */
    static Preds regression() {
        float[][] t = {{1f}, {2f}, {3f}, {4f}};
        float[][] p = {{1.5f}, {2f}, {1f}, {4.1f}};
        float[] l = new float[4];
        for (int i = 0; i < 4; i++) {
            l[i] = (p[i][0] - t[i][0]) * (p[i][0] - t[i][0]);
        }
        return new Preds(p, t, p, l, new int[] {10, 11, 12, 13});
    }

    @Test
    void topLossesOfARegression() {
        // losses 0.25, 0, 4, 0.01 → largest first: items 12, 10, 13, 11
        TopLosses top = Interpretation.fromPreds(regression(), null).topLosses(4, true);
        assertThat(top.indices()).containsExactly(12, 10, 13, 11);
        assertThat(top.losses()[0]).isEqualTo(4f);
        BufferedImage img = Interpretation.fromPreds(regression(), null).plotTopLosses(2, 1, 2).toImage();
        assertThat(img.getWidth()).isGreaterThan(2 * 128);
        assertThat(Interpretation.values(new float[] {1, 2, 3, 4, 5})).isEqualTo("1.00,2.00,3.00,4.00,…");
    }

    @Test
    void lossesAreRequired() {
        Preds p = regression();
        Preds noLoss = new Preds(p.activations(), p.targets(), p.decoded(), null, p.indices());
        assertThatThrownBy(() -> Interpretation.fromPreds(noLoss, null)).hasMessageContaining("per-item losses");
    }
}
