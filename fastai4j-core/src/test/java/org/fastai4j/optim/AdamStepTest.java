package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fastai's Adam defaults and its update worked out by hand, including a momentum change between steps. */
class AdamStepTest {

    @Test
    void defaultsAreFastais() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, 1f);
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("all", List.of(p))), m);
            assertThat(opt.hyper("mom")).containsExactly(0.9);
            assertThat(opt.hyper("sqr_mom")).containsExactly(0.99);
            assertThat(opt.hyper("eps")).containsExactly(1e-5);
            assertThat(opt.hyper("wd")).containsExactly(0.01);
            Optimizer sgd = Optimizers.sgd().create(List.of(new ParamGroup("all", List.of(p))), m);
            assertThat(sgd.hyper("wd")).containsExactly(0.0);
            Optimizer rms = Optimizers.rmsProp().create(List.of(new ParamGroup("all", List.of(p))), m);
            assertThat(rms.hyper("sqr_mom")).containsExactly(0.99);
            assertThat(rms.hyper("eps")).containsExactly(1e-8);
            assertThat(rms.hyper("mom")).containsExactly(0.0);
            Lookahead ranger = (Lookahead) Optimizers.ranger().create(List.of(new ParamGroup("all", List.of(p))), m);
            assertThat(ranger.hyper("mom")).containsExactly(0.95);
            assertThat(ranger.hyper("eps")).containsExactly(1e-6);
            assertThat(ranger.hyper("wd")).containsExactly(0.01);
        }
    }

    @Test
    void oneStepByHandThenMomentumChangeTakesEffectAtOnce() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, 1f);
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("all", List.of(p))), m);
            opt.setHyper("lr", 0.1);
            OptimTestSupport.backward(List.of(p), new float[] {0.5f});
            opt.step();
            // fastai Adam, p=1, g=0.5, lr=0.1, wd=0.01, mom=0.9, sqr_mom=0.99, eps=1e-5, step=1:
            // weight_decay: p = 1*(1 - 0.1*0.01) = 0.999
            // grad_avg = 0*0.9 + 0.1*0.5 = 0.05; sqr_avg = 0*0.99 + 0.01*0.25 = 0.0025
            // debias1 = 0.1*(1-0.9)/(1-0.9) = 0.1; debias2 = 0.01*(1-0.99)/(1-0.99) = 0.01
            // p = 0.999 - (0.1/0.1) * 0.05 / (sqrt(0.0025/0.01) + 1e-5) = 0.999 - 0.05/0.50001
            double p1 = 0.999 - 0.05 / 0.50001;
            assertThat(OptimTestSupport.values(p)[0]).isCloseTo((float) p1, within(1e-6f));

            // a scheduler sets mom=0.5 before step 2 (fastai's one-cycle does this every batch):
            opt.setHyper("mom", 0.5);
            opt.zeroGrad();
            OptimTestSupport.backward(List.of(p), new float[] {-1f});
            opt.step();
            // p = p1*(1-0.001); grad_avg = 0.05*0.5 + 0.5*(-1) = -0.475; sqr_avg = 0.0025*0.99 + 0.01*1 = 0.012475
            // debias1 = 0.5*(1-0.5^2)/(1-0.5) = 0.75 (the NEW mom); debias2 = 0.01*(1-0.99^2)/0.01 = 0.0199
            double p2 = p1 * (1 - 0.001) + (0.1 / 0.75) * 0.475 / (Math.sqrt(0.012475 / 0.0199) + 1e-5);
            assertThat(OptimTestSupport.values(p)[0]).isCloseTo((float) p2, within(1e-6f));
        }
    }

    /**
     * Optimizers.adam() runs the fused stepper; it must give what fastai's separate steps give
     * ([weight_decay, average_grad(dampening), average_sqr_grad, step_stat, adam_step], the unfused steppers
     * that the hand-worked test above checks) on many values over several steps with a scheduled mom,
     * including mom = 0, and leave the gradient as it was.
     */
    @Test
    void fusedAdamMatchesFastaisSeparateSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            java.util.Random r = new java.util.Random(7);
            float[] init = new float[64];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) r.nextGaussian();
            }
            Parameter fusedP = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, init.clone());
            Parameter plainP = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, init.clone());
            Optimizer fused = Optimizers.adam().create(List.of(new ParamGroup("all", List.of(fusedP))), m);
            Optimizer plain = Optimizers.of(List.of(Steppers.weightDecay(), Steppers.averageGrad(true),
                    Steppers.averageSqrGrad(true), Steppers.stepStat(), Steppers.adamStep()),
                    java.util.Map.of("mom", 0.9, "sqr_mom", 0.99, "eps", 1e-5, "wd", 0.01))
                    .create(List.of(new ParamGroup("all", List.of(plainP))), m);
            double[] moms = {0.95, 0.9, 0.85, 0.5, 0.9, 0.0};
            for (double mom : moms) {
                float[] g = new float[init.length];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) (r.nextGaussian() * (i % 3 == 0 ? 1e-3 : 1));
                }
                for (Optimizer o : List.of(fused, plain)) {
                    o.setHyper("lr", 3e-3);
                    o.setHyper("mom", mom);
                    o.zeroGrad();
                }
                OptimTestSupport.backward(List.of(fusedP), g);
                OptimTestSupport.backward(List.of(plainP), g);
                fused.step();
                plain.step();
                float[] a = OptimTestSupport.values(fusedP);
                float[] b = OptimTestSupport.values(plainP);
                for (int i = 0; i < a.length; i++) {
                    assertThat(a[i]).as("mom %s, element %d", mom, i).isCloseTo(b[i], within(1e-6f + 1e-6f * Math.abs(b[i])));
                }
                try (ai.djl.ndarray.NDArray grad = fusedP.getArray().getGradient()) {
                    assertThat(grad.toFloatArray()).containsExactly(g);
                }
            }
            assertThat(OptimTestSupport.values(fusedP)).isNotEqualTo(init);
        }
    }

    @Test
    void unknownHyperAndWrongCountAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, 1f);
            Optimizer opt = Optimizers.adam().create(List.of(new ParamGroup("all", List.of(p))), m);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> opt.setHyper("sqrMom", 0.9))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sqrMom").hasMessageContaining("sqr_mom");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> opt.setHyper("lr", 0.1, 0.2))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 values");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> opt.hyper("beta"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(opt.hasHyper("mom")).isTrue();
            assertThat(opt.hasHyper("beta")).isFalse();
        }
    }
}
