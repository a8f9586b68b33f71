package org.fastai4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ThreadedDataLoader.augmentedDl (for tta): in order, nothing dropped, random transforms on. */
class AugmentedLoaderTest {

    /** Item i is {i, r}: r = 0 in validation mode, a draw from the item seed in training mode. */
    static final class Source implements ItemSource {
        @Override
        public int size() {
            return 10;
        }

        @Override
        public Sample load(int index, ItemContext ctx) {
            float r = ctx.training() ? new java.util.SplittableRandom(ctx.seed()).nextInt(1, 1000) : 0;
            return new Sample(HostTensor.ofFloats(new float[] {index, r}, 2), HostTensor.ofLong(0), index);
        }

        @Override
        public String describe(int index) {
            return "item " + index;
        }
    }

    static List<float[]> epoch(DataLoader dl, int epoch) {
        List<float[]> rows = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, epoch)) {
            while (it.hasNext()) {
                try (Batch b = it.next()) {
                    float[] f = b.xs().head().toFloatArray();
                    for (int i = 0; i < f.length; i += 2) {
                        rows.add(new float[] {f[i], f[i + 1]});
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void augmentedLoaderKeepsOrderAndEveryItemButDrawsRandomTransformsPerEpoch() {
        ThreadedDataLoader valid = ThreadedDataLoader.builder(new Source()).setBs(4).optWorkers(1)
                .optDevice(Device.cpu()).build();
        DataLoader aug = valid.augmentedDl();
        assertThat(aug.size()).isEqualTo(3); // ceil(10 / 4): the last partial batch is kept
        assertThat(aug.training()).isFalse();
        List<float[]> e0 = epoch(aug, 0);
        List<float[]> e1 = epoch(aug, 1);
        List<float[]> plain = epoch(valid, 0);
        assertThat(e0).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(e0.get(i)[0]).isEqualTo(i); // in order
            assertThat(plain.get(i)[1]).isZero(); // validation: no random transform
            assertThat(e0.get(i)[1]).isPositive(); // augmented: training-mode draw
        }
        assertThat(e0.stream().map(r -> r[1]).toList()).isNotEqualTo(e1.stream().map(r -> r[1]).toList());
        assertThat(epoch(aug, 0).stream().map(r -> r[1]).toList()).isEqualTo(e0.stream().map(r -> r[1]).toList());
    }
}
