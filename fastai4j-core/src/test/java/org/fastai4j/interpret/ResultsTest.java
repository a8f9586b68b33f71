package org.fastai4j.interpret;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.ArrayDataLoader;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.junit.jupiter.api.Test;

/**
 * {@link Results#show(Learner, int)} ({@code learn.showResults}): a learner whose validation set is
 * empty gets an error saying so, not an {@code ArithmeticException} from inside the method.
 */
class ResultsTest {

    @Test
    void emptyValidationSetIsAClearError() {
        DataLoaders full = SyntheticLearners.data(1);
        ArrayDataLoader emptyValid = new ArrayDataLoader(new float[0][], new long[0], SyntheticLearners.BS, false, 1,
                new Vocab(List.of("neg", "pos")));
        try (Learner learn = Learner.builder(new DataLoaders(full.train(), emptyValid),
                ai.djl.nn.core.Linear.builder().setUnits(2).build()).optOptFunc(TestSgd.factory()).optSeed(1)
                .optSilent(true).build()) {
            assertThatThrownBy(() -> Results.show(learn, 9)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("validation set is empty");
            assertThatThrownBy(() -> learn.showResults(9)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("validation set is empty");
        }
    }
}
