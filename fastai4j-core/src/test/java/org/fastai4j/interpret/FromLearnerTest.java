package org.fastai4j.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/** Interpretation of a real (tiny, synthetic) learner: one inference pass, numbers that agree with validate. */
class FromLearnerTest {

    @Test
    void interpretationAgreesWithValidation() {
        try (Learner learn = SyntheticLearners.linear(3)) {
            learn.fit(1, Lr.of(0.1));
            double[] valid = learn.validate(); // [valid_loss, accuracy]
            ClassificationInterpretation interp = ClassificationInterpretation.fromLearner(learn);
            assertThat(interp.size()).isEqualTo(SyntheticLearners.N_VALID);
            assertThat(interp.vocab().items()).containsExactly("neg", "pos");
            int[][] cm = interp.confusionMatrix();
            assertThat(cm[0][0] + cm[0][1] + cm[1][0] + cm[1][1]).isEqualTo(SyntheticLearners.N_VALID);
            // accuracy = diagonal / all, the same number the accuracy metric gives
            assertThat((cm[0][0] + cm[1][1]) / (double) SyntheticLearners.N_VALID).isCloseTo(valid[1], within(1e-9));
            assertThat(interp.classificationReport().accuracy()).isCloseTo(valid[1], within(1e-9));
            // the mean per-item loss is the validation loss (equal-size batches of 16)
            TopLosses all = interp.topLosses();
            double mean = 0;
            for (float l : all.losses()) {
                mean += l / (double) all.size();
            }
            assertThat(mean).isCloseTo(valid[0], within(1e-4));
            assertThat(all.losses()[0]).isGreaterThanOrEqualTo(all.losses()[all.size() - 1]);
            // items are 2-D points, not images: top losses render as text tiles, one per item
            BufferedImage img = interp.plotTopLosses(4, 2, 2).toImage();
            assertThat(img.getWidth()).isGreaterThan(2 * 128);
            // show_results' own forward pass on the first 6 items agrees with getPreds
            org.fastai4j.learner.Preds first = Results.predictFirst(learn, learn.dls().valid(), 6);
            assertThat(first.indices()).containsExactly(0, 1, 2, 3, 4, 5);
            for (int i = 0; i < 6; i++) {
                assertThat(interp.indices()[i]).isEqualTo(i);
                assertThat((int) first.decoded()[i][0]).isEqualTo(interp.decoded()[i]);
                assertThat((int) first.targets()[i][0]).isEqualTo(interp.targets()[i]);
                assertThat(first.activations()[i][1]).isCloseTo(interp.probabilities(i)[1], within(1e-6f));
            }
            BufferedImage results = Results.show(learn, 6).toImage();
            assertThat(results.getWidth()).isGreaterThan(3 * 128);
        }
    }
}
