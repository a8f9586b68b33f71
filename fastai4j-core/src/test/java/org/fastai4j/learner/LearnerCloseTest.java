package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.nn.core.Linear;
import java.util.List;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.HostTensor;
import org.fastai4j.data.ItemContext;
import org.fastai4j.data.ItemSource;
import org.fastai4j.data.Sample;
import org.fastai4j.data.ThreadedDataLoader;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.testing.TestSgd;
import org.junit.jupiter.api.Test;

/**
 * Closing a learner ends its loaders' worker threads (they are kept across epochs, so without this a
 * program that trains and moves on keeps idle threads for a minute), and the loaders still work after.
 */
class LearnerCloseTest {

    /** Point i: x = (i mod 5, 1), label i mod 2. */
    static final class Points implements ItemSource {
        @Override
        public int size() {
            return 32;
        }

        @Override
        public Sample load(int index, ItemContext ctx) {
            return new Sample(HostTensor.ofFloats(new float[] {index % 5, 1f}, 2), HostTensor.ofLong(index % 2), index);
        }

        @Override
        public String describe(int index) {
            return "point-" + index;
        }
    }

    static ThreadedDataLoader loader(boolean training) {
        return ThreadedDataLoader.builder(new Points()).setBs(8).optTraining(training).optWorkers(2)
                .optVocab(new Vocab(List.of("even", "odd"))).optDevice(Device.cpu()).build();
    }

    static List<Thread> loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("fastai4j-loader-") && t.isAlive()).toList();
    }

    @Test
    void closingTheLearnerEndsTheLoaderThreads() throws Exception {
        DataLoaders dls = new DataLoaders(loader(true), loader(false));
        List<Thread> before = loaderThreads();
        try (Learner learn = Learner.builder(dls, Linear.builder().setUnits(2).build()).optOptFunc(TestSgd.factory())
                .optSilent(true).build()) {
            learn.fit(1, 0.1);
            assertThat(loaderThreads()).hasSizeGreaterThan(before.size());
        }
        for (Thread t : loaderThreads()) {
            if (!before.contains(t)) {
                t.join(10_000);
            }
        }
        assertThat(loaderThreads()).containsExactlyInAnyOrderElementsOf(before);
        // the same loaders still serve another learner
        try (Learner again = Learner.builder(dls, Linear.builder().setUnits(2).build()).optOptFunc(TestSgd.factory())
                .optSilent(true).build()) {
            again.fit(1, 0.1);
            assertThat(again.recorder().values()).hasSize(1);
        }
    }
}
