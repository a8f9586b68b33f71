package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.fastai4j.losses.Losses;
import org.junit.jupiter.api.Test;

/** fastai's MixUp/CutMix arithmetic, with values derived by hand. */
class MixingTest {

    @Test
    void lerpRowsWeighsTheOriginalByLam() {
        // start = shuffled rows, end = original: start + lam (end - start).
        // row 0: [0,1] -> [4,5] with lam 0.75: [3, 4]; row 1: [4,5] -> [0,1] with lam 0.5: [2, 3].
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {4, 5, 0, 1}, new Shape(2, 2));
            NDArray perm = m.create(new long[] {1, 0});
            NDArray shuffled = Mixing.shuffle(x, perm);
            assertThat(shuffled.toFloatArray()).containsExactly(0, 1, 4, 5);
            NDArray mixed = Mixing.lerpRows(shuffled, x, m.create(new float[] {0.75f, 0.5f}));
            assertThat(mixed.toFloatArray()).containsExactly(3, 4, 2, 3);
            // integer targets are made float (one-hot or regression targets of non-y_int losses)
            NDArray y = m.create(new int[] {1, 0});
            assertThat(Mixing.lerpRows(Mixing.shuffle(y, perm), y, m.create(new float[] {0.75f, 0.5f})).toFloatArray())
                    .containsExactly(0.75f, 0.5f);
        }
    }

    @Test
    void mixedLossIsTheLerpOfPerItemLosses() {
        // logits row 0 [ln 3, 0] -> p = [3/4, 1/4]; row 1 [0, 0] -> [1/2, 1/2].
        // y = [0, 1], shuffled y = [1, 0]; lam = [0.8, 0.6]:
        // row 0: 0.2 * -ln(1/4) + 0.8 * -ln(3/4); row 1: 0.4 * ln 2 + 0.6 * ln 2 = ln 2; mean of both.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {(float) Math.log(3), 0, 0, 0}, new Shape(2, 2));
            NDArray loss = Mixing.mixedLoss(Losses.crossEntropyFlat(), pred, m.create(new long[] {1, 0}),
                    m.create(new long[] {0, 1}), m.create(new float[] {0.8f, 0.6f}));
            double row0 = 0.2 * Math.log(4) + 0.8 * -Math.log(0.75);
            double expected = (row0 + Math.log(2)) / 2;
            assertThat(loss.getFloat()).isCloseTo((float) expected, within(1e-6f));
        }
    }

    @Test
    void randBoxFollowsFastaiRandBbox() {
        // lam 0.75 on a 10x8 image: cut ratio sqrt(0.25) = 0.5, cut_w = round(5) = 5, cut_h = round(4) = 4;
        // the centre (cx, cy) is the next two uniform ints; the box is [cx - 2, cx + 2) x [cy - 2, cy + 2),
        // clamped to the image.
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom expected = new SplittableRandom(seed);
            int cx = expected.nextInt(10);
            int cy = expected.nextInt(8);
            int[] box = Mixing.randBox(10, 8, 0.75, new SplittableRandom(seed));
            assertThat(box).containsExactly(Math.max(cx - 2, 0), Math.max(cy - 2, 0), Math.min(cx + 2, 10),
                    Math.min(cy + 2, 8));
        }
        // torch.round is half to even: W sqrt(1 - lam) = 2.5 rounds to 2 (cut_w // 2 = 1).
        int[] box = Mixing.randBox(5, 5, 0.75, new SplittableRandom(3));
        assertThat(box[2] - box[0]).isLessThanOrEqualTo(2);
    }

    @Test
    void pasteBoxCopiesTheBoxOnlyAndLamIsTheKeptArea() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.zeros(new Shape(1, 1, 3, 4));
            NDArray src = m.ones(new Shape(1, 1, 3, 4));
            int[] box = {1, 0, 3, 2}; // columns 1..2, rows 0..1
            float[] out = Mixing.pasteBox(x, src, box).toFloatArray();
            assertThat(out).containsExactly(0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0);
            // 4 of 12 pixels replaced: lam = 1 - 4/12 = 2/3.
            assertThat(Mixing.boxLam(box, 4, 3)).isCloseTo(2.0 / 3, within(1e-12));
        }
    }
}
