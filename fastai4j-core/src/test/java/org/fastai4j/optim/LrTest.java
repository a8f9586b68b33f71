package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** fastai's lr argument per group: set_hyper with a float, slice(b), slice(a, b) (even_mults) or a list. */
class LrTest {

    @Test
    void singleValueForEveryGroup() {
        assertThat(Lr.of(1e-3).forGroups(3)).containsExactly(1e-3, 1e-3, 1e-3);
    }

    @Test
    void sliceOfStopIsStopOverTenButTheLast() {
        // fastai: [stop/10]*(n-1) + [stop]
        assertThat(Lr.max(1e-3).forGroups(3)).containsExactly(1e-4, 1e-4, 1e-3);
        assertThat(Lr.max(1e-3).forGroups(1)).containsExactly(1e-3);
    }

    @Test
    void sliceOfStartStopIsGeometric() {
        // fastai even_mults(1e-5, 1e-3, 3): step = (1e-3/1e-5)^(1/2) = 10 -> 1e-5, 1e-4, 1e-3
        double[] v = Lr.range(1e-5, 1e-3).forGroups(3);
        assertThat(v[0]).isCloseTo(1e-5, within(1e-18));
        assertThat(v[1]).isCloseTo(1e-4, within(1e-17));
        assertThat(v[2]).isCloseTo(1e-3, within(1e-16));
        // even_mults with n = 1 is stop
        assertThat(Lr.range(1e-5, 1e-3).forGroups(1)).containsExactly(1e-3);
        // fine_tune's slice(base_lr/100, base_lr) with base_lr 1e-3 over 2 groups
        double[] ft = Lr.range(1e-5, 1e-3).forGroups(2);
        assertThat(ft[0]).isCloseTo(1e-5, within(1e-18));
        assertThat(ft[1]).isCloseTo(1e-3, within(1e-16));
    }

    @Test
    void explicitValuesMustMatchTheGroupCount() {
        assertThat(Lr.perGroup(1e-4, 1e-3).forGroups(2)).containsExactly(1e-4, 1e-3);
        assertThatThrownBy(() -> Lr.perGroup(1e-4, 1e-3).forGroups(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 learning rates for 3");
    }

    @Test
    void lastAndTimesAsFitOneCycleUsesThem() {
        assertThat(Lr.range(1e-5, 1e-3).last()).isEqualTo(1e-3);
        assertThat(Lr.max(1e-2).times(0.5).forGroups(2)).containsExactly(5e-4, 5e-3);
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> Lr.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lr.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lr.max(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lr.of(1e-3).forGroups(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
