package org.fastai4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link Formats#fixed}: every number fastai4j prints (losses and probabilities in plot titles, the
 * classification report, confusion-matrix cells) reads exactly as fastai prints it with Python.
 */
class FormatsTest {

    @Test
    void roundsLikePython() {
        // Python: [f"{x:.2f}" for x in (0.125, 2.675, 0.375, 1.005)] == ['0.12', '2.67', '0.38', '1.00']
        // (half-even on the exact binary value: 0.125 is exact and ties to even, 2.675 is 2.67499999...)
        assertThat(Formats.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(Formats.fixed(2.675, 2)).isEqualTo("2.67");
        assertThat(Formats.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(Formats.fixed(1.005, 2)).isEqualTo("1.00");
    }

    /** A small negative (e.g. a loss or a metric delta) keeps its sign, as in fastai's printed output. */
    @Test
    void negativeValuesRoundingToZeroKeepTheirSignLikePython() {
        // Python: '%.2f' % -0.001 == '-0.00', '%.2f' % -0.0 == '-0.00', '%.0f' % -0.4 == '-0',
        //         '%.2f' % -0.005 == '-0.01' (-0.005 is -0.00500000000000000010 in binary), '%.2f' % 0.0 == '0.00'
        assertThat(Formats.fixed(-0.001, 2)).isEqualTo("-0.00");
        assertThat(Formats.fixed(-0.0, 2)).isEqualTo("-0.00");
        assertThat(Formats.fixed(-0.4, 0)).isEqualTo("-0");
        assertThat(Formats.fixed(-0.005, 2)).isEqualTo("-0.01");
        assertThat(Formats.fixed(0.0, 2)).isEqualTo("0.00");
        assertThat(Formats.fixed(-1.5, 2)).isEqualTo("-1.50");
    }
}
