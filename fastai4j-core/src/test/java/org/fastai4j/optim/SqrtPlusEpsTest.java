package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * The optimizers' {@code sqrt(x) + eps}, which floors x at the smallest normal float to keep
 * libtorch's square root off its slow special-value path, must give exactly the float that the
 * plain {@code sqrt(x) + eps} gives, zeros and subnormals included.
 */
class SqrtPlusEpsTest {

    private static final float[] VALUES = {
        0f, Float.MIN_VALUE, 1e-45f, 3e-40f, 1e-39f, Math.nextDown(Float.MIN_NORMAL), Float.MIN_NORMAL,
        Math.nextUp(Float.MIN_NORMAL), 1e-37f, 1e-30f, 1e-20f, 1e-12f, 2.5e-7f, 1e-3f, 0.0025f, 1f, 7.3f, 1e10f,
        Float.MAX_VALUE
    };

    @Test
    void equalsThePlainFormulaBitForBitAtEveryEps() {
        float[] epsilons = {
            1e-5f, 1e-6f, (float) (1e-5 * Math.sqrt(0.01)), 1e-8f, 1e-10f, Steppers.FLOOR_EPS_MIN,
            Math.nextDown(Steppers.FLOOR_EPS_MIN), 1e-20f, 0f, 0.5f
        };
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(VALUES);
            for (float eps : epsilons) {
                try (NDArray ours = Steppers.sqrtPlusEps(x, eps);
                        NDArray root = x.sqrt();
                        NDArray plain = root.add(eps)) {
                    float[] got = ours.toFloatArray();
                    float[] want = plain.toFloatArray();
                    for (int i = 0; i < VALUES.length; i++) {
                        assertThat(Float.floatToRawIntBits(got[i]))
                                .as("sqrt(%s) + %s", VALUES[i], eps)
                                .isEqualTo(Float.floatToRawIntBits(want[i]));
                    }
                }
            }
            assertThat(x.toFloatArray()).as("the input is left as it was").containsExactly(VALUES);
        }
    }

    @Test
    void zeroEpsKeepsFastaisNanForZeroOverZero() {
        try (NDManager m = NDManager.newBaseManager();
                NDArray zero = m.create(new float[] {0f});
                NDArray denom = Steppers.sqrtPlusEps(zero, 0f);
                NDArray q = zero.div(denom)) {
            assertThat(denom.toFloatArray()).containsExactly(0f);
            assertThat(q.toFloatArray()[0]).isNaN();
        }
    }
}
