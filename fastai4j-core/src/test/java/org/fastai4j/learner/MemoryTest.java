package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/** Native memory: nothing a fit, a validation, getPreds or lrFind makes outlives it. */
class MemoryTest {

    @Test
    void liveArrayCountIsConstantAcrossFitsWithAdam() {
        // the defaults: Adam and CrossEntropyLossFlat
        try (Learner learn = Learner.builder(SyntheticLearners.data(71), Linear.builder().setUnits(2).build())
                .optSilent(true).build()) {
            learn.fit(1, Lr.of(1e-2)); // creates Adam's state (grad_avg, sqr_avg, step per parameter)
            int live = learn.manager().getManagedArrays().size();
            learn.fit(2, Lr.of(1e-2));
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            learn.fitOneCycle(1, 1e-2);
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            learn.validate();
            learn.getPreds(learn.dls().valid(), true, true);
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            learn.lrFind(1e-5, 1, 20, true);
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            learn.freeze();
            learn.unfreeze();
            learn.fit(1, Lr.of(1e-2));
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
        }
    }

    @Test
    void liveArrayCountIsConstantFromEpochToEpoch() {
        List<Integer> counts = new ArrayList<>();
        Callback count = new Callback() {
            @Override
            public void afterEpoch(Learner learn) {
                counts.add(learn.manager().getManagedArrays().size());
            }
        };
        try (Learner learn = Learner.builder(SyntheticLearners.data(72), Linear.builder().setUnits(2).build())
                .optSilent(true).build()) {
            learn.fitOneCycle(5, Lr.of(1e-2), count);
            assertThat(counts).hasSize(5);
            assertThat(counts).containsOnly(counts.get(0));
        }
    }
}
