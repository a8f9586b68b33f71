package org.fastai4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Hand-derived values, activations, decodings, names and argument errors of every loss. */
class LossBehaviourTest {

    private static final float LN2 = (float) Math.log(2);

    @Test
    void crossEntropyOfUniformLogitsIsLogOfClassCount() {
        // softmax of equal logits is 1/C for every class, so -log p_y = log C = log 4.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.zeros(new Shape(3, 4));
            NDArray y = m.create(new long[] {0, 2, 3});
            assertThat(Losses.crossEntropyFlat().forward(pred, y).getFloat())
                    .isCloseTo((float) Math.log(4), within(1e-6f));
        }
    }

    @Test
    void weightedCrossEntropyIsTorchsWeightedMean() {
        // Two rows of equal logits over 2 classes: each unweighted loss is ln 2. Targets 0 and 1
        // with weights [1, 3]: per item w_y * l = [ln2, 3 ln2]; mean = (ln2 + 3 ln2) / (1 + 3) = ln2.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.zeros(new Shape(2, 2));
            NDArray y = m.create(new int[] {0, 1});
            Loss loss = Losses.crossEntropyFlat(new float[] {1, 3});
            assertThat(loss.perItem(pred, y).toFloatArray()).containsExactly(new float[] {LN2, 3 * LN2}, within(1e-6f));
            assertThat(loss.forward(pred, y).getFloat()).isCloseTo(LN2, within(1e-6f));
        }
    }

    @Test
    void ignoredTargetsCountForNothing() {
        // Rows with target 5 (the ignore index) give 0 and leave the denominator: the mean is
        // the loss of the one kept row, -log softmax([2, 0])[0] = log(1 + e^-2).
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {2, 0, 7, -3, 0, 9}, new Shape(3, 2));
            NDArray y = m.create(new long[] {0, 5, 5});
            Loss loss = Losses.crossEntropyFlat(null, 5, -1);
            float kept = (float) Math.log1p(Math.exp(-2));
            assertThat(loss.forward(pred, y).getFloat()).isCloseTo(kept, within(1e-6f));
            assertThat(loss.perItem(pred, y).toFloatArray()).containsExactly(new float[] {kept, 0, 0}, within(1e-6f));
        }
    }

    @Test
    void bceWithLogitsIsStableAndDecodesAboveThreshold() {
        // x=0, t=1: -log sigmoid(0) = ln 2.  x=2, t=0: -log(1 - sigmoid(2)) = log(1 + e^2).
        // x=100, t=0: 100 + log(1+e^-100) = 100 (the naive formula would give inf).
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {0, 2, 100}, new Shape(3, 1));
            NDArray y = m.create(new float[] {1, 0, 0}, new Shape(3, 1));
            BceWithLogitsLossFlat loss = Losses.bceWithLogitsFlat();
            assertThat(loss.perItem(pred, y).toFloatArray())
                    .containsExactly(new float[] {LN2, (float) Math.log1p(Math.exp(2)), 100f}, within(1e-5f));
            NDArray probs = loss.activation(pred);
            assertThat(probs.toFloatArray()[0]).isEqualTo(0.5f);
            // fastai decodes with a strict '>': 0.5 is not above the default threshold 0.5.
            assertThat(loss.decodes(probs).toBooleanArray()).containsExactly(false, true, true);
            assertThat(Losses.bceWithLogitsFlat(0.3).decodes(m.create(new float[] {0.31f, 0.29f})).toBooleanArray())
                    .containsExactly(true, false);
        }
    }

    @Test
    void regressionLossesFlattenPredictionAndTarget() {
        // pred (3,1) vs target (3,): diffs [1, -2, 0.5]; MSE = (1 + 4 + 0.25)/3 = 1.75, L1 = 3.5/3.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {2, 0, 1.5f}, new Shape(3, 1));
            NDArray y = m.create(new float[] {1, 2, 1});
            assertThat(Losses.mseFlat().forward(pred, y).getFloat()).isCloseTo(1.75f, within(1e-6f));
            assertThat(Losses.l1Flat().forward(pred, y).getFloat()).isCloseTo(3.5f / 3, within(1e-6f));
            assertThat(Losses.l1Flat().perItem(pred, y).toFloatArray()).containsExactly(1f, 2f, 0.5f);
            assertThat(Losses.mseFlat().activation(pred)).isSameAs(pred);
        }
    }

    @Test
    void classificationLossesActivateWithSoftmaxAndDecodeWithArgmax() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {1, 3, 2, 0, -1, 5}, new Shape(2, 3));
            for (Loss loss : new Loss[] {Losses.crossEntropyFlat(), Losses.labelSmoothingCrossEntropy(),
                    Losses.focalLoss()}) {
                NDArray probs = loss.activation(pred);
                assertThat(probs.sum(new int[] {1}).toFloatArray()).containsExactly(new float[] {1, 1}, within(1e-6f));
                assertThat(loss.decodes(probs).toType(DataType.INT64, false).toLongArray()).containsExactly(1L, 2L);
            }
        }
    }

    @Test
    void focalLossWithGammaZeroIsCrossEntropyAndSmallerOtherwise() {
        // (1 - p_t)^0 = 1, so gamma 0 gives the cross-entropy; with gamma 2 every row shrinks.
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {1, 3, 2, 0, -1, 5}, new Shape(2, 3));
            NDArray y = m.create(new long[] {1, 0});
            float[] ce = Losses.crossEntropyFlat().perItem(pred, y).toFloatArray();
            assertThat(Losses.focalLoss(0).perItem(pred, y).toFloatArray()).containsExactly(ce, within(1e-6f));
            float[] focal = Losses.focalLoss().perItem(pred, y).toFloatArray();
            for (int i = 0; i < ce.length; i++) {
                double pt = Math.exp(-ce[i]);
                assertThat(focal[i]).isCloseTo((float) ((1 - pt) * (1 - pt) * ce[i]), within(1e-6f));
            }
        }
    }

    @Test
    void fastaiNames() {
        assertThat(Losses.crossEntropyFlat().name()).isEqualTo("CrossEntropyLossFlat");
        assertThat(Losses.labelSmoothingCrossEntropy().name()).isEqualTo("LabelSmoothingCrossEntropyFlat");
        assertThat(Losses.bceWithLogitsFlat().name()).isEqualTo("BCEWithLogitsLossFlat");
        assertThat(Losses.mseFlat().name()).isEqualTo("MSELossFlat");
        assertThat(Losses.l1Flat().name()).isEqualTo("L1LossFlat");
        assertThat(Losses.focalLoss().name()).isEqualTo("FocalLossFlat");
        assertThat(Losses.labelSmoothingCrossEntropy().eps()).isEqualTo(0.1);
        assertThat(Losses.focalLoss().gamma()).isEqualTo(2.0);
        assertThat(Losses.bceWithLogitsFlat().thresh()).isEqualTo(0.5);
        // fastai's y_int: class-index targets (MixUp mixes their losses, not the targets)
        assertThat(Losses.crossEntropyFlat().yInt()).isTrue();
        assertThat(Losses.labelSmoothingCrossEntropy().yInt()).isTrue();
        assertThat(Losses.focalLoss().yInt()).isTrue();
        assertThat(Losses.bceWithLogitsFlat().yInt()).isFalse();
        assertThat(Losses.mseFlat().yInt()).isFalse();
    }

    @Test
    void badArgumentsAreNamed() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.zeros(new Shape(2, 3));
            assertThatThrownBy(() -> Losses.crossEntropyFlat().forward(pred, m.create(new long[] {0, 3})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target class 3")
                    .hasMessageContaining("[0, 3)");
            assertThatThrownBy(() -> Losses.crossEntropyFlat(new float[] {1, 2}).forward(pred, m.create(new long[] {0, 1})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 class weights")
                    .hasMessageContaining("3 classes");
            assertThatThrownBy(() -> Losses.crossEntropyFlat().forward(pred, m.create(new long[] {0, 1, 2})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rows");
            assertThatThrownBy(() -> Losses.mseFlat().forward(pred, m.create(new float[] {1, 2})))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 values");
        }
        assertThatThrownBy(() -> Losses.labelSmoothingCrossEntropy(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Losses.focalLoss(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> Losses.crossEntropyFlat(new float[] {1, Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
