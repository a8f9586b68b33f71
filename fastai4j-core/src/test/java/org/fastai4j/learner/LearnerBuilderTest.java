package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.core.Linear;
import java.nio.file.Path;
import java.util.List;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.learner.testing.ArrayDataLoader;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.losses.CrossEntropyLossFlat;
import org.fastai4j.optim.StepperOptimizer;
import org.junit.jupiter.api.Test;

class LearnerBuilderTest {

    @Test
    void defaultsAreFastais() {
        DataLoaders dls = SyntheticLearners.data(61);
        try (Learner learn = Learner.builder(dls, Linear.builder().setUnits(2).build())
                .optPath(Path.of("/tmp/run")).build()) {
            assertThat(learn.lossFunc()).isInstanceOf(CrossEntropyLossFlat.class); // categorical target
            assertThat(learn.callbacks()).extracting(cb -> (Class) cb.getClass())
                    .containsExactly(TrainEvalCallback.class, Recorder.class, ProgressCallback.class);
            assertThat(learn.lr()).isEqualTo(1e-3);
            assertThat(learn.moms()).containsExactly(0.95, 0.85, 0.95);
            assertThat(learn.path()).isEqualTo(Path.of("/tmp/run/models"));
            assertThat(learn.wdBnBias()).isFalse();
            assertThat(learn.trainBn()).isTrue();
            assertThat(learn.opt()).isNull();
            learn.createOpt();
            // Adam: fastai's hyper-parameters (mom 0.9, sqr_mom 0.99, eps 1e-5, wd 0.01), one group
            assertThat(learn.opt()).isInstanceOf(StepperOptimizer.class);
            assertThat(learn.opt().hyper("sqr_mom")).containsExactly(0.99);
            assertThat(learn.opt().hyper("lr")).containsExactly(1e-3);
            assertThat(learn.opt().paramGroups()).hasSize(1);
            assertThat(learn.opt().paramGroups().get(0).parameters()).hasSize(2); // weight, bias
            // the model was initialized from the first item's shape (2 features -> 2 classes)
            assertThat(learn.model().getParameters().get(0).getValue().getArray().getShape().getShape())
                    .containsExactly(2, 2);
        }
    }

    @Test
    void silentLearnerHasNoProgressCallbackAndSeedsInitialization() {
        try (Learner a = SyntheticLearners.linear(62); Learner b = SyntheticLearners.linear(62)) {
            assertThat(a.cb(ProgressCallback.class)).isNull();
            assertThat(LoopEventsTest.weights(a)).containsExactly(LoopEventsTest.weights(b));
        }
    }

    @Test
    void weightDecayOfFitOverridesTheLearners() {
        // fastai's fit: wd = the argument, else learn.wd, else the optimizer's own
        try (Learner plain = SyntheticLearners.linear(66);
                Learner withWd = SyntheticLearners.builder(66).optWd(0.2).build()) {
            plain.fit(1, org.fastai4j.optim.Lr.of(0.1));
            assertThat(plain.opt().hyper("wd")).containsExactly(0.0); // TestSgd's default
            withWd.fit(1, org.fastai4j.optim.Lr.of(0.1));
            assertThat(withWd.opt().hyper("wd")).containsExactly(0.2);
            withWd.fit(1, org.fastai4j.optim.Lr.perGroup(0.1), 0.05, false);
            assertThat(withWd.opt().hyper("wd")).containsExactly(0.05);
        }
    }

    @Test
    void buildingTwiceGivesTheSameCallbackLayout() {
        var builder = SyntheticLearners.builder(65);
        try (Learner a = builder.build(); Learner b = builder.build()) {
            assertThat(b.callbacks()).hasSameSizeAs(a.callbacks()).hasSize(2);
        }
    }

    @Test
    void buildNamesTheBadField() {
        DataLoaders dls = SyntheticLearners.data(63);
        assertThatThrownBy(() -> Learner.builder(null, Linear.builder().setUnits(2).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Learner.dls");
        assertThatThrownBy(() -> Learner.builder(dls, null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Learner.model");
        assertThatThrownBy(() -> Learner.builder(dls, Linear.builder().setUnits(2).build()).optWd(-1.0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Learner.wd").hasMessageContaining("-1.0");
        assertThatThrownBy(() -> Learner.builder(dls, Linear.builder().setUnits(2).build()).optLr(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Learner.lr");
        assertThatThrownBy(() -> Learner.builder(dls, Linear.builder().setUnits(2).build()).optModelDir(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Learner.modelDir");
        // no vocabulary: fastai cannot infer the loss either
        ArrayDataLoader plain = new ArrayDataLoader(new float[][] {{0f, 1f}}, new long[] {0}, 1, true, 0, null);
        assertThatThrownBy(() -> Learner.builder(new DataLoaders(plain, plain), Linear.builder().setUnits(2).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Learner.lossFunc");
        assertThatThrownBy(() -> OneCycleOptions.DEFAULTS.withPctStart(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pctStart");
        assertThatThrownBy(() -> FineTuneOptions.DEFAULTS.withBaseLr(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseLr");
    }

    @Test
    void callbackLookupAndRemoval() {
        try (Learner learn = SyntheticLearners.linear(64)) {
            Recorder r = learn.recorder();
            assertThat(learn.cb(Recorder.class)).isSameAs(r);
            learn.removeCb(r);
            assertThat(learn.recorder()).isNull();
            // validate still works without a Recorder (a temporary one computes the values)
            assertThat(learn.validate()).hasSize(2);
            assertThat(learn.callbacks()).extracting(cb -> (Class) cb.getClass()).isEqualTo(List.of(TrainEvalCallback.class));
        }
    }
}
