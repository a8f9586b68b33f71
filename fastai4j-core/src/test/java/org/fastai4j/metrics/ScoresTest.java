package org.fastai4j.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** scikit-learn's formulas, with each expected value derived by hand in the comments. */
class ScoresTest {

    // y_true = [0,1,2,0,1,2,0], y_pred = [0,2,1,0,0,1,0]
    // label 0: true 3, predicted 4, tp 3 -> P 3/4, R 1, F1 = 2*3/(2*3 + 0 + 1) = 6/7
    // label 1: true 2, predicted 2, tp 0 -> P 0, R 0, F1 0
    // label 2: true 2, predicted 1, tp 0 -> P 0, R 0, F1 0
    private static final double[] T = {0, 1, 2, 0, 1, 2, 0};
    private static final double[] P = {0, 2, 1, 0, 0, 1, 0};

    @Test
    void macroIsThePlainMeanOverLabels() {
        assertThat(Scores.precision(T, P, Average.MACRO, 1)).isCloseTo(0.25, within(1e-12));
        assertThat(Scores.recall(T, P, Average.MACRO, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Scores.f1(T, P, Average.MACRO, 1)).isCloseTo(2.0 / 7, within(1e-12));
    }

    @Test
    void microPoolsCountsAndEqualsAccuracyForSingleLabel() {
        // pooled tp 3 over 7 predictions and 7 targets: P = R = F1 = 3/7 (the accuracy).
        assertThat(Scores.precision(T, P, Average.MICRO, 1)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(Scores.recall(T, P, Average.MICRO, 1)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(Scores.f1(T, P, Average.MICRO, 1)).isCloseTo(3.0 / 7, within(1e-12));
    }

    @Test
    void weightedUsesTrueCounts() {
        // supports [3, 2, 2]: P = 3*(3/4)/7 = 9/28, R = 3*1/7 = 3/7, F1 = 3*(6/7)/7 = 18/49.
        assertThat(Scores.precision(T, P, Average.WEIGHTED, 1)).isCloseTo(9.0 / 28, within(1e-12));
        assertThat(Scores.recall(T, P, Average.WEIGHTED, 1)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(Scores.f1(T, P, Average.WEIGHTED, 1)).isCloseTo(18.0 / 49, within(1e-12));
    }

    @Test
    void binaryRefusesMulticlassAndAbsentPositiveLabel() {
        assertThatThrownBy(() -> Scores.f1(T, P, Average.BINARY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiclass").hasMessageContaining("[0, 1, 2]");
        assertThatThrownBy(() -> Scores.precision(new double[] {0, 2}, new double[] {2, 0}, Average.BINARY, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pos_label=1");
        // pos_label 2 is allowed then: tp 0 (the one 2 is predicted 0), fp 1 -> precision 0.
        assertThat(Scores.precision(new double[] {0, 2}, new double[] {2, 0}, Average.BINARY, 2)).isZero();
    }

    @Test
    void zeroDivisionGivesZero() {
        // No positive predicted and none true: precision, recall and F1 are 0/0 -> 0 (zero_division).
        double[] zeros = {0, 0, 0};
        assertThat(Scores.precision(zeros, zeros, Average.BINARY, 1)).isZero();
        assertThat(Scores.recall(zeros, zeros, Average.BINARY, 1)).isZero();
        assertThat(Scores.f1(zeros, zeros, Average.BINARY, 1)).isZero();
    }

    @Test
    void fBetaWeighsRecall() {
        // tp 1, fp 2, fn 1, beta 2: (1+4)*1 / ((1+4)*1 + 4*1 + 2) = 5/11.
        double[] t = {1, 1, 0, 0, 0, 0};
        double[] p = {1, 0, 0, 0, 1, 1};
        assertThat(Scores.fBeta(t, p, 2, Average.BINARY, 1)).isCloseTo(5.0 / 11, within(1e-12));
    }

    @Test
    void matthewsMulticlass() {
        // t counts [3,2,2], p counts [4,2,1], correct 3, s 7: (3*7 - (12+4+2)) /
        // sqrt((49 - (9+4+4)) * (49 - (16+4+1))) = 3 / sqrt(32*28).
        assertThat(Scores.matthewsCorrcoef(T, P)).isCloseTo(3 / Math.sqrt(32 * 28), within(1e-12));
        // A constant prediction has no variance: 0 by scikit-learn's convention.
        assertThat(Scores.matthewsCorrcoef(T, new double[7])).isZero();
        assertThat(Scores.matthewsCorrcoef(new double[] {1, 0, 1}, new double[] {1, 0, 1})).isCloseTo(1, within(1e-12));
    }

    @Test
    void rocAucCountsTiesAsHalf() {
        // positives scored 0.5 and 0.9, negatives 0.5 and 0.2. Pairs: (0.5,0.5) tie = 1/2,
        // (0.5,0.2) = 1, (0.9,0.5) = 1, (0.9,0.2) = 1 -> 3.5/4 = 0.875.
        assertThat(Scores.rocAucBinary(new double[] {0, 1, 0, 1}, new double[] {0.5, 0.5, 0.2, 0.9}))
                .isCloseTo(0.875, within(1e-12));
        // labels {-1, 1}: the larger label is positive.
        assertThat(Scores.rocAucBinary(new double[] {-1, 1}, new double[] {0.9, 0.1})).isZero();
        assertThatThrownBy(() -> Scores.rocAucBinary(new double[] {0, 1, 2}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two labels");
    }

    @Test
    void r2EdgeCases() {
        // constant target: perfect prediction 1, else 0 (force_finite); one sample: undefined.
        assertThat(Scores.r2(new double[] {2, 2}, new double[] {2, 2})).isEqualTo(1.0);
        assertThat(Scores.r2(new double[] {2, 2}, new double[] {2, 3})).isEqualTo(0.0);
        assertThat(Scores.r2(new double[] {2}, new double[] {2})).isNaN();
        // y_true [1,2,3], y_pred [3,2,1]: SS_res 8, SS_tot 2 -> 1 - 4 = -3.
        assertThat(Scores.r2(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-3, within(1e-12));
    }

    @Test
    void nonIntegralLabelsAreRefused() {
        assertThatThrownBy(() -> Scores.f1(new double[] {0.5}, new double[] {1}, Average.MACRO, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("y_true[0] = 0.5");
    }
}
