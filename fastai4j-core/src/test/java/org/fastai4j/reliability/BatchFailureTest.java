package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.core.Linear;
import java.util.List;
import java.util.Random;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.CallbackException;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.ArrayDataLoader;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 12 (the image case is {@code BadImageMidEpochTest} in fastai4j-vision): an
 * exception inside a batch fails the fit with an error naming its origin, the batch's native
 * memory is freed (live arrays of the learner's manager and of the whole engine equal before and
 * after the failed fit), and the learner fits again afterwards.
 */
class BatchFailureTest {

    /** Throws in {@code after_loss} of training batch 3 of the first epoch. */
    static final class ThrowingAfterLoss implements Callback {
        @Override
        public void afterLoss(Learner learn) {
            if (learn.training() && learn.epoch() == 0 && learn.iter() == 3) {
                throw new IllegalStateException("loss rejected by test");
            }
        }
    }

    @Test
    void callbackThrowingInAfterLossIsNamedAndFreesTheBatch() {
        try (Learner learn = SyntheticLearners.linear(12)) {
            learn.fit(1, Lr.of(0.1)); // optimizer state and recorder exist
            int learnerLive = learn.manager().getManagedArrays().size();
            int engineLive = LiveArrays.engineWide();
            assertThatThrownBy(() -> learn.fit(1, Lr.of(0.1), new ThrowingAfterLoss()))
                    .isInstanceOf(CallbackException.class)
                    .hasMessageContaining(ThrowingAfterLoss.class.getName())
                    .hasMessageContaining("after_loss")
                    .hasRootCauseMessage("loss rejected by test")
                    .satisfies(e -> assertThat(((CallbackException) e).event()).isEqualTo(Event.AFTER_LOSS));
            assertThat(learn.manager().getManagedArrays()).as("learner's live arrays").hasSize(learnerLive);
            assertThat(LiveArrays.engineWide()).as("engine-wide live arrays").isEqualTo(engineLive);
            assertThat(learn.pred()).isNull();
            assertThat(learn.loss()).isNull();
            // the learner still trains: one more epoch, finite losses, same memory
            learn.fit(1, Lr.of(0.1));
            double[] losses = learn.recorder().losses();
            assertThat(losses).isNotEmpty();
            assertThat(Double.isFinite(losses[losses.length - 1])).as("last loss finite").isTrue();
            assertThat(learn.manager().getManagedArrays()).hasSize(learnerLive);
        }
    }

    static float[][] rows(int n, int width, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][width];
        for (float[] row : x) {
            for (int j = 0; j < width; j++) {
                row[j] = r.nextFloat() * 2 - 1;
            }
        }
        return x;
    }

    static DataLoaders mismatchedData() {
        DataLoaders good = SyntheticLearners.data(13);
        long[] y = new long[SyntheticLearners.N_TRAIN];
        // the model is initialized for 2 features; batch 5 of (loader) epoch 1 has 3
        ArrayDataLoader wide = new ArrayDataLoader(rows(y.length, 3, 1), y, SyntheticLearners.BS, true, 13,
                good.train().vocab().orElseThrow());
        return new DataLoaders(new SwitchingDataLoader(good.train(), wide, 1, 5), good.valid());
    }

    @Test
    void shapeMismatchErrorNamesTheEpochBatchAndStage() {
        try (Learner learn = Learner.builder(mismatchedData(), Linear.builder().setUnits(2).build())
                .optOptFunc(TestSgd.factory()).optSilent(true).build()) {
            assertThatThrownBy(() -> learn.fit(2, Lr.of(0.1)))
                    .hasMessageContaining("16x3")
                    .hasMessageContainingAll("epoch 1", "batch 5")
                    .hasMessageFindingMatch("(?i)train");
        }
    }

    @Test
    void shapeMismatchMidEpochFailsWithTheShapesAndFreesTheBatch() {
        try (Learner learn = Learner.builder(mismatchedData(), Linear.builder().setUnits(2).build())
                .optOptFunc(TestSgd.factory()).optSilent(true).build()) {
            learn.fit(1, Lr.of(0.1));
            int learnerLive = learn.manager().getManagedArrays().size();
            int engineLive = LiveArrays.engineWide();
            List<Integer> iters = new java.util.ArrayList<>();
            Callback where = new Callback() {
                @Override
                public void beforeBatch(Learner l) {
                    if (l.training()) {
                        iters.add(l.iter());
                    }
                }
            };
            // epoch 0 of this fit is the loader's epoch 0 again: the fit's second epoch (1) fails
            assertThatThrownBy(() -> learn.fit(2, Lr.of(0.1), where))
                    .hasMessageContaining("16x3").hasMessageContaining("2x2")
                    .satisfies(e -> System.out.println("shape mismatch error: " + e));
            assertThat(iters).as("training batches started").hasSize(SyntheticLearners.N_TRAIN / SyntheticLearners.BS + 6);
            assertThat(learn.manager().getManagedArrays()).as("learner's live arrays").hasSize(learnerLive);
            assertThat(LiveArrays.engineWide()).as("engine-wide live arrays").isEqualTo(engineLive);
            // an epoch without the bad batch (loader epoch 0) trains normally
            learn.fit(1, Lr.of(0.1));
            assertThat(learn.manager().getManagedArrays()).hasSize(learnerLive);
        }
    }
}
