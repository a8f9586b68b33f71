package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkpointing the optimizer: stable names, exact resume, validation, clearState. */
class StateDictTest {
    private static final float[][] GRADS_W = {{0.1f, -0.2f, 0.3f}, {0.4f, 0.1f, -0.5f}, {-0.3f, 0.2f, 0.2f},
        {0.05f, -0.4f, 0.1f}, {0.2f, 0.2f, -0.1f}, {-0.1f, 0.3f, 0.0f}, {0.3f, -0.1f, 0.25f}, {0.1f, 0.1f, 0.1f}};

    private static List<Parameter> params(NDManager m, float[] w, float[] b) {
        return List.of(OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, w),
                OptimTestSupport.param(m, "b", Parameter.Type.BIAS, b));
    }

    private static void run(Optimizer opt, List<Parameter> ps, int from, int to) {
        for (int s = from; s < to; s++) {
            opt.zeroGrad();
            OptimTestSupport.backward(ps, GRADS_W[s], new float[] {GRADS_W[s][0]});
            opt.step();
        }
    }

    private static void checkResumeIsExact(OptimizerFactory factory, List<String> expectedKeys) {
        try (NDManager m1 = NDManager.newBaseManager(); NDManager m2 = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m1, new float[] {1f, -1f, 0.5f}, new float[] {0.2f});
            Optimizer opt = factory.create(List.of(new ParamGroup("all", ps)), m1);
            opt.setHyper("lr", 0.05);
            run(opt, ps, 0, 3);
            Map<String, NDArray> sd = opt.stateDict();
            assertThat(sd.keySet()).containsAll(expectedKeys);
            float[] w3 = OptimTestSupport.values(ps.get(0));
            float[] b3 = OptimTestSupport.values(ps.get(1));
            run(opt, ps, 3, 8);

            List<Parameter> ps2 = params(m2, w3, b3);
            Optimizer opt2 = factory.create(List.of(new ParamGroup("all", ps2)), m2);
            opt2.loadStateDict(sd);
            sd.values().forEach(NDArray::close);
            assertThat(opt2.hyper("lr")).containsExactly(0.05);
            run(opt2, ps2, 3, 8);
            assertThat(OptimTestSupport.values(ps2.get(0))).containsExactly(OptimTestSupport.values(ps.get(0)));
            assertThat(OptimTestSupport.values(ps2.get(1))).containsExactly(OptimTestSupport.values(ps.get(1)));
        }
    }

    @Test
    void adamResumesExactly() {
        checkResumeIsExact(Optimizers.adam(), List.of("w.grad_avg", "w.sqr_avg", "w.step", "b.grad_avg",
                "optimizer.hyper.lr", "optimizer.hyper.mom", "optimizer.hyper.sqr_mom", "optimizer.hyper.eps",
                "optimizer.hyper.wd"));
    }

    @Test
    void rangerResumesExactlyAcrossTheLookaheadSync() {
        // steps 3..8 include the k=6 sync, which needs the slow weights and the count from the checkpoint
        checkResumeIsExact(Optimizers.ranger(), List.of("w.grad_avg", "w.step", "w.slow", "b.slow",
                "optimizer.lookahead.count", "optimizer.hyper.beta"));
    }

    @Test
    void sgdWithMomentumResumesExactly() {
        checkResumeIsExact(Optimizers.sgd(0.9, 0.01), List.of("w.grad_avg", "optimizer.hyper.mom"));
    }

    @Test
    void badEntriesAreRejectedBeforeAnythingChanges() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, new float[] {1f, 2f, 3f}, new float[] {0f});
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("all", ps)), m);
            run(opt, ps, 0, 1);
            assertThatThrownBy(() -> opt.loadStateDict(Map.of("nope.grad_avg", m.zeros(new ai.djl.ndarray.types.Shape(3)))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.grad_avg");
            assertThatThrownBy(() -> opt.loadStateDict(Map.of("w.grad_avg", m.zeros(new ai.djl.ndarray.types.Shape(2)))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(3)");
            assertThatThrownBy(() -> opt.loadStateDict(Map.of("optimizer.hyper.lr", m.create(new double[] {1, 2}))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one per group");
            // nothing was cleared by the failed loads
            assertThat(((StepperOptimizer) opt).states().get(0).step()).isEqualTo(1);
        }
    }

    @Test
    void repeatedNamesGetPositionPrefixes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter a = OptimTestSupport.param(m, "weight", Parameter.Type.WEIGHT, 1f);
            Parameter b = OptimTestSupport.param(m, "weight", Parameter.Type.WEIGHT, 2f);
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("g0", List.of(a)),
                    new ParamGroup("g1", List.of(b))), m);
            OptimTestSupport.backward(List.of(a, b), new float[] {1f}, new float[] {1f});
            opt.step();
            Map<String, NDArray> sd = opt.stateDict();
            assertThat(sd.keySet()).contains("0.weight.grad_avg", "1.weight.grad_avg", "0.weight.step");
            sd.values().forEach(NDArray::close);
        }
    }

    @Test
    void clearStateMakesTheNextStepAFirstStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<Parameter> ps = params(m, new float[] {1f, -1f, 0.5f}, new float[] {0.2f});
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("all", ps)), m);
            run(opt, ps, 0, 3);
            float[] start = OptimTestSupport.values(ps.get(0));
            opt.clearState();
            run(opt, ps, 3, 4);
            List<Parameter> fresh = params(m, start, OptimTestSupport.values(ps.get(1)));
            Optimizer opt2 = Optimizers.adam().create(List.of(new ParamGroup("all", fresh)), m);
            run(opt2, fresh, 3, 4);
            assertThat(OptimTestSupport.values(ps.get(0))).containsExactly(OptimTestSupport.values(fresh.get(0)));
        }
    }
}
