package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Steps leave no NDArray behind: the live-array count is constant once the state exists. */
class NativeMemoryTest {

    static Stream<OptimizerFactory> factories() {
        return Stream.of(Optimizers.adam(), Optimizers.adam(0.9, 0.99, 1e-5, 0.01, false), Optimizers.sgd(),
                Optimizers.sgd(0.9, 0.01), Optimizers.rmsProp(0.9, 0.99, 1e-8, 0.01, true),
                Optimizers.rAdam(0.9, 0.9, 1e-5, 0.01, 2.0, true), Optimizers.lamb(), Optimizers.ranger());
    }

    @ParameterizedTest
    @MethodSource("factories")
    void liveArrayCountIsConstant(OptimizerFactory factory) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDManager state = m.newSubManager();
            List<Parameter> ps = List.of(OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, 1f, 2f, 3f),
                    OptimTestSupport.param(m, "b", Parameter.Type.BIAS, 0.5f));
            Optimizer opt = factory.create(List.of(new ParamGroup("all", ps)), state);
            for (int i = 0; i < 2; i++) {
                opt.zeroGrad();
                OptimTestSupport.backward(ps, new float[] {0.1f, -0.2f, 0.3f}, new float[] {1f});
                opt.step();
            }
            int live = m.getManagedArrays().size();
            for (int i = 0; i < 12; i++) {
                opt.zeroGrad();
                OptimTestSupport.backward(ps, new float[] {0.1f * i, -0.2f, 0.3f}, new float[] {1f});
                opt.step();
            }
            assertThat(m.getManagedArrays()).hasSize(live);
            opt.clearState();
            assertThat(state.getManagedArrays()).isEmpty();
        }
    }
}
