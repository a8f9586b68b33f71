package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Schedule values at chosen points, each derived from fastai's formula in callback/schedule.py. */
class SchedulesTest {
    private static final double TOL = 1e-12;

    /** fastai sched_cos(start, end, pos) = start + (1 + cos(pi*(1-pos))) * (end-start) / 2. */
    private static double cos(double start, double end, double pos) {
        return start + (1 + Math.cos(Math.PI * (1 - pos))) * (end - start) / 2;
    }

    @Test
    void basicAnnealers() {
        // lin: start + pos*(end-start) = 1 + 0.25*2
        assertThat(Schedules.lin(1, 3).at(0.25)).isCloseTo(1.5, within(TOL));
        // cos at 0.5: start + (1 + cos(pi/2)) * (end-start)/2 = midpoint
        assertThat(Schedules.cos(1, 3).at(0.5)).isCloseTo(2.0, within(TOL));
        // cos at 0.25: 1 + (1 + cos(0.75 pi)) * 2/2 = 2 - sqrt(2)/2
        assertThat(Schedules.cos(1, 3).at(0.25)).isCloseTo(2 - Math.sqrt(2) / 2, within(TOL));
        assertThat(Schedules.cos(1, 3).at(0)).isCloseTo(1, within(TOL));
        assertThat(Schedules.cos(1, 3).at(1)).isCloseTo(3, within(TOL));
        assertThat(Schedules.no(7).at(0.3)).isEqualTo(7);
        // exp: start * (end/start)^pos = 1e-7 * (1e8)^0.5 = 1e-3
        assertThat(Schedules.exp(1e-7, 10).at(0.5)).isCloseTo(1e-3, within(1e-15));
        // poly: start + (end-start) * pos^power = 2 + (-2)*0.5^2
        assertThat(Schedules.poly(2, 0, 2).at(0.5)).isCloseTo(1.5, within(TOL));
    }

    @Test
    void combinedCosAtChosenPoints() {
        // fastai one-cycle, lr_max 0.1: combined_cos(0.25, 0.1/25, 0.1, 0.1/1e5)
        Schedule s = Schedules.combinedCos(0.25, 0.004, 0.1, 1e-6);
        // pos 0: first piece at its pos 0 -> start
        assertThat(s.at(0)).isCloseTo(0.004, within(TOL));
        // pos 0.125: first piece at 0.5 -> midpoint of 0.004..0.1
        assertThat(s.at(0.125)).isCloseTo(cos(0.004, 0.1, 0.5), within(TOL));
        // pos 0.25: pos >= pcts[1] selects the second piece at its pos 0 -> middle
        assertThat(s.at(0.25)).isCloseTo(0.1, within(TOL));
        // pos 0.5: second piece at (0.5-0.25)/0.75 = 1/3 (computed in float32 as fastai's tensor)
        double local = (float) ((0.5f - 0.25f) / 0.75f);
        assertThat(s.at(0.5)).isCloseTo(cos(0.1, 1e-6, local), within(TOL));
        assertThat(s.at(0.5)).isCloseTo(0.1 + 0.25 * (1e-6 - 0.1), within(1e-8));
        // pos 1: clamped to the last piece at its pos 1 -> end
        assertThat(s.at(1)).isCloseTo(1e-6, within(TOL));
    }

    @Test
    void oneCycleHelpersAreFastaisFitOneCycleSchedules() {
        Schedule lr = Schedules.oneCycleLr(0.01);
        Schedule ref = Schedules.combinedCos(0.25, 0.01 / 25, 0.01, 0.01 / 1e5);
        for (double pos : new double[] {0, 0.1, 0.25, 0.3, 0.77, 1}) {
            assertThat(lr.at(pos)).isEqualTo(ref.at(pos));
        }
        Schedule mom = Schedules.oneCycleMom(0.25);
        assertThat(mom.at(0)).isCloseTo(0.95, within(TOL));
        assertThat(mom.at(0.25)).isCloseTo(0.85, within(TOL));
        assertThat(mom.at(1)).isCloseTo(0.95, within(TOL));
        // fine_tune's first cycle: pct_start 0.99, div 25: at pos 0.5 the warm-up is half way
        Schedule ft = Schedules.oneCycleLr(2e-3, 25, 1e5, 0.99);
        double local = (float) (0.5f / 0.99f);
        assertThat(ft.at(0.5)).isCloseTo(cos(2e-3 / 25, 2e-3, local), within(TOL));
    }

    @Test
    void flatCosIsFlatThenAnneals() {
        // fit_flat_cos: combined_cos(0.75, lr, lr, lr/1e5)
        Schedule s = Schedules.flatCos(0.01);
        assertThat(s.at(0)).isEqualTo(0.01);
        assertThat(s.at(0.7)).isEqualTo(0.01);
        assertThat(s.at(0.875)).isCloseTo(cos(0.01, 1e-7, 0.5), within(TOL));
        assertThat(s.at(1)).isCloseTo(1e-7, within(TOL));
    }

    @Test
    void sgdrRestartsEachCycle() {
        // fit_sgdr(3, 1, cycle_mult=2): n_epoch = 1*(2^3-1)//(2-1) = 7, pcts 1/7, 2/7, 4/7
        assertThat(Schedules.sgdrEpochs(3, 1, 2)).isEqualTo(7);
        assertThat(Schedules.sgdrEpochs(2, 3, 3)).isEqualTo(12);
        assertThat(Schedules.sgdrEpochs(4, 2, 1)).isEqualTo(8);
        Schedule s = Schedules.sgdr(3, 1, 0.1, 2);
        assertThat(s.at(0)).isCloseTo(0.1, within(TOL));
        // each cycle restarts at lr_max: pos 1/7 begins cycle 2
        assertThat(s.at(1.0 / 7)).isCloseTo(0.1, within(1e-7));
        // fastai's bounds are a float32 cumsum: float(1/7)+float(2/7) = 0.42857146 > float(3/7), so at
        // pos 3/7 exactly torch still picks cycle 2 at its end (lr ~0); just after, cycle 3 starts at lr_max
        assertThat(s.at(3.0 / 7)).isCloseTo(0, within(1e-7));
        assertThat(s.at(3.0 / 7 + 1e-6)).isCloseTo(0.1, within(1e-6));
        // middle of cycle 3: pos (3 + 2)/7 -> local 0.5 -> cos(0.1, 0, 0.5) = 0.05
        assertThat(s.at(5.0 / 7)).isCloseTo(0.05, within(1e-7));
        assertThat(s.at(1)).isCloseTo(0, within(1e-12));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> Schedules.combined(new double[] {0.5, 0.4}, Schedules.no(1), Schedules.no(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        assertThatThrownBy(() -> Schedules.combined(new double[] {1}, Schedules.no(1), Schedules.no(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedules.combined(new double[] {1.5, -0.5}, Schedules.no(1), Schedules.no(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> Schedules.sgdr(0, 1, 0.1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Schedules.oneCycleLr(0.1).at(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
