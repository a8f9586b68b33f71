package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * zeroGrad drops the gradient (PyTorch's set_to_none) instead of filling zeros: the parameter keeps
 * its values, identity and requires-grad flag, the next backward starts from nothing, and training
 * gives bit for bit what filling zeros gives.
 */
class ZeroGradTest {

    @Test
    void dropsTheGradientAndKeepsTheParameter() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, 1f, 2f);
            NDArray array = p.getArray();
            Optimizer opt = Optimizers.sgd().create(List.of(new ParamGroup("all", List.of(p))), m.newSubManager());
            int live = m.getManagedArrays().size();
            OptimTestSupport.backward(List.of(p), new float[] {3f, 4f});
            opt.zeroGrad();
            assertThat(Autograd.gradientOrNull(p.getArray())).as("no gradient until the next backward").isNull();
            assertThat(p.getArray()).isSameAs(array);
            assertThat(array.toFloatArray()).containsExactly(1f, 2f);
            assertThat(JniUtils.requiresGrad((PtNDArray) array)).isTrue();
            assertThat(m.getManagedArrays()).hasSize(live);

            OptimTestSupport.backward(List.of(p), new float[] {5f, 7f});
            try (NDArray g = Autograd.gradientOrNull(array)) {
                assertThat(g.toFloatArray()).as("not added to the previous gradient").containsExactly(5f, 7f);
            }
            opt.zeroGrad();
            opt.zeroGrad(); // nothing to drop: a no-op
            assertThat(Autograd.gradientOrNull(array)).isNull();
            assertThat(m.getManagedArrays()).hasSize(live);
        }
    }

    @Test
    void aParameterFrozenSinceItsLastBackwardStaysFrozen() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, 1f);
            Optimizer opt = Optimizers.sgd().create(List.of(new ParamGroup("all", List.of(p))), m.newSubManager());
            OptimTestSupport.backward(List.of(p), new float[] {3f});
            p.getArray().setRequiresGradient(false);
            opt.zeroGrad();
            assertThat(JniUtils.requiresGrad((PtNDArray) p.getArray())).isFalse();
            assertThat(JniUtils.getGradient((PtNDArray) p.getArray())).isNull();
            assertThat(p.getArray().toFloatArray()).containsExactly(1f);
        }
    }

    @Test
    void adamTrainsBitForBitAsWithZeroFilledGradients() {
        float[] dropped = trainAdam(true);
        float[] filled = trainAdam(false);
        assertThat(dropped).containsExactly(filled);
        assertThat(dropped).isNotEqualTo(initial());
    }

    private static float[] initial() {
        Random r = new Random(5);
        float[] init = new float[50];
        for (int i = 0; i < init.length; i++) {
            init[i] = (float) r.nextGaussian();
        }
        return init;
    }

    /** Six Adam steps on fixed gradients, clearing with zeroGrad or with libtorch's fill of zeros. */
    private static float[] trainAdam(boolean optimizerZeroGrad) {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, initial());
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("all", List.of(p))), m.newSubManager());
            opt.setHyper("lr", 0.01);
            Random r = new Random(9);
            for (int step = 0; step < 6; step++) {
                float[] g = new float[50];
                for (int i = 0; i < g.length; i++) {
                    g[i] = i % 7 == 0 ? 0f : (float) r.nextGaussian();
                }
                OptimTestSupport.backward(List.of(p), g);
                opt.step();
                if (optimizerZeroGrad) {
                    opt.zeroGrad();
                } else {
                    JniUtils.zeroGrad((PtNDArray) p.getArray());
                }
            }
            return p.getArray().toFloatArray();
        }
    }
}
