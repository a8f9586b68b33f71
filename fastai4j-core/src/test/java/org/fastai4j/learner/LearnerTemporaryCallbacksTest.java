package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * A {@code fit(..., cbs)} call refused for a null callback leaves the learner's callbacks exactly as they
 * were: a callback given for one fit must never stay attached and run in every later fit.
 */
class LearnerTemporaryCallbacksTest {

    /** Counts its batches, to show it does not run after the refused call. */
    static final class Counting implements Callback {
        int batches;

        @Override
        public void afterBatch(Learner learn) {
            batches++;
        }
    }

    @Test
    void nullCallbackIsRefusedByPositionAndNothingStaysAttached() {
        try (Learner learn = SyntheticLearners.linear(3)) {
            List<Callback> before = learn.callbacks();
            Counting first = new Counting();
            Throwable t = catchThrowable(() -> learn.fit(1, Lr.of(0.1), null, false, first, null, new Counting()));
            assertThat(learn.callbacks()).containsExactlyElementsOf(before); // first is not left attached
            assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 1");
            // the fit wrappers (ParamScheduler prepended) name the position the caller gave
            assertThatThrownBy(() -> learn.fitOneCycle(1, Lr.of(0.1), first, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 1");
            assertThat(learn.callbacks()).containsExactlyElementsOf(before);
            // addCbs adds all or nothing
            assertThatThrownBy(() -> learn.addCbs(first, null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("position 1");
            assertThat(learn.callbacks()).containsExactlyElementsOf(before);
            learn.fit(1, Lr.of(0.1));
            assertThat(first.batches).isZero(); // never attached, never run
        }
    }
}
