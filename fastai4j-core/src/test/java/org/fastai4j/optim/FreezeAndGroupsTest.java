package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parameter groups, per-group learning rates, weight decay on/off by parameter type (fastai's
 * wd_bn_bias=False), freezing with train_bn, and parameters that never get a gradient.
 */
class FreezeAndGroupsTest {
    private static final float G = 1f;

    /** body: weight, BN gamma/beta, BN running mean; head: weight, bias. All values 1. */
    private record Model(Parameter w0, Parameter gamma, Parameter beta, Parameter mean, Parameter w1, Parameter b1,
            List<ParamGroup> groups) {
        static Model create(NDManager m) {
            Parameter w0 = OptimTestSupport.param(m, "body.weight", Parameter.Type.WEIGHT, 1f);
            Parameter gamma = OptimTestSupport.param(m, "bn.gamma", Parameter.Type.GAMMA, 1f);
            Parameter beta = OptimTestSupport.param(m, "bn.beta", Parameter.Type.BETA, 1f);
            Parameter mean = OptimTestSupport.param(m, "bn.running_mean", Parameter.Type.RUNNING_MEAN, 1f);
            Parameter w1 = OptimTestSupport.param(m, "head.weight", Parameter.Type.WEIGHT, 1f);
            Parameter b1 = OptimTestSupport.param(m, "head.bias", Parameter.Type.BIAS, 1f);
            return new Model(w0, gamma, beta, mean, w1, b1, List.of(new ParamGroup("body", List.of(w0, gamma, beta, mean)),
                    new ParamGroup("head", List.of(w1, b1))));
        }

        List<Parameter> withGrad() {
            return List.of(w0, gamma, beta, w1, b1).stream().filter(p -> p.getArray().hasGradient()).toList();
        }

        void backwardOnes() {
            List<Parameter> ps = withGrad();
            float[][] gs = new float[ps.size()][];
            for (int i = 0; i < gs.length; i++) {
                gs[i] = new float[] {G};
            }
            OptimTestSupport.backward(ps, gs);
        }
    }

    private static float v(Parameter p) {
        return OptimTestSupport.values(p)[0];
    }

    @Test
    void perGroupLearningRates() {
        try (NDManager m = NDManager.newBaseManager()) {
            Model md = Model.create(m);
            Optimizer opt = Optimizers.sgd().create(md.groups(), m);
            opt.setHyper("lr", Lr.range(0.01, 0.1).forGroups(2));
            md.backwardOnes();
            opt.step();
            // fastai sgd_step: p -= lr*grad, lr per group: body 0.01, head 0.1
            assertThat(v(md.w0())).isCloseTo(0.99f, within(1e-7f));
            assertThat(v(md.gamma())).isCloseTo(0.99f, within(1e-7f));
            assertThat(v(md.w1())).isCloseTo(0.9f, within(1e-7f));
            assertThat(v(md.b1())).isCloseTo(0.9f, within(1e-7f));
            assertThat(v(md.mean())).isEqualTo(1f);
            assertThat(opt.hyper("lr")).containsExactly(0.01, 0.1);
        }
    }

    @Test
    void weightDecaySkipsNormAndBiasUnlessAsked() {
        try (NDManager m = NDManager.newBaseManager()) {
            Model md = Model.create(m);
            // SGD with lr 0.1, wd 0.5, zero gradients: only decoupled weight decay moves p: p *= 1 - 0.1*0.5
            Optimizer opt = Optimizers.sgd(0, 0.5).create(md.groups(), m);
            opt.setHyper("lr", 0.1);
            OptimTestSupport.backward(md.withGrad(), new float[] {0}, new float[] {0}, new float[] {0}, new float[] {0},
                    new float[] {0});
            opt.step();
            assertThat(v(md.w0())).isCloseTo(0.95f, within(1e-7f));
            assertThat(v(md.w1())).isCloseTo(0.95f, within(1e-7f));
            assertThat(v(md.gamma())).isEqualTo(1f);
            assertThat(v(md.beta())).isEqualTo(1f);
            assertThat(v(md.b1())).isEqualTo(1f);
            assertThat(v(md.mean())).isEqualTo(1f);

            opt.setWdBnBias(true);
            opt.step();
            assertThat(v(md.w0())).isCloseTo(0.95f * 0.95f, within(1e-7f));
            assertThat(v(md.gamma())).isCloseTo(0.95f, within(1e-7f));
            assertThat(v(md.beta())).isCloseTo(0.95f, within(1e-7f));
            assertThat(v(md.b1())).isCloseTo(0.95f, within(1e-7f));
            assertThat(v(md.mean())).isEqualTo(1f);
        }
    }

    @Test
    void parameterWithoutGradientIsNotStepped() {
        try (NDManager m = NDManager.newBaseManager()) {
            Model md = Model.create(m);
            Optimizer opt = Optimizers.adam().create(md.groups(), m);
            // backward reaches only the head weight: fastai steps only params whose grad is not None
            OptimTestSupport.backward(List.of(md.w1()), new float[] {1f});
            opt.step();
            assertThat(v(md.w0())).isEqualTo(1f);
            assertThat(v(md.b1())).isEqualTo(1f);
            assertThat(v(md.w1())).isLessThan(1f);
        }
    }

    @Test
    void frozenGroupsDoNotTrainExceptNormWithTrainBn() {
        try (NDManager m = NDManager.newBaseManager()) {
            Model md = Model.create(m);
            NDArray bodyArray = md.w0().getArray();
            Optimizer opt = Optimizers.sgd(0, 0.5).create(md.groups(), m);
            opt.setHyper("lr", 0.1);
            opt.freeze();
            opt.clearState();
            // frozen body weight: array no longer requires a gradient; BN params still do (train_bn)
            assertThat(md.w0().getArray().hasGradient()).isFalse();
            assertThat(md.gamma().getArray().hasGradient()).isTrue();
            assertThat(md.mean().getArray().hasGradient()).isFalse();
            md.backwardOnes();
            opt.step();
            // sgd + wd: p = p*(1 - 0.1*0.5) - 0.1*1 for decayed params; norm/bias: p - 0.1
            assertThat(v(md.w0())).isEqualTo(1f);
            assertThat(v(md.gamma())).isCloseTo(0.9f, within(1e-7f));
            assertThat(v(md.beta())).isCloseTo(0.9f, within(1e-7f));
            assertThat(v(md.w1())).isCloseTo(0.85f, within(1e-7f));
            assertThat(v(md.b1())).isCloseTo(0.9f, within(1e-7f));
            assertThat(v(md.mean())).isEqualTo(1f);

            opt.setTrainBn(false);
            assertThat(md.gamma().getArray().hasGradient()).isFalse();
            opt.zeroGrad();
            md.backwardOnes();
            opt.step();
            assertThat(v(md.gamma())).isCloseTo(0.9f, within(1e-7f));
            assertThat(v(md.w1())).isCloseTo(0.85f * 0.95f - 0.1f, within(1e-6f));

            opt.unfreeze();
            assertThat(md.w0().getArray()).isSameAs(bodyArray);
            assertThat(bodyArray.hasGradient()).isTrue();
            assertThat(md.mean().getArray().hasGradient()).isFalse();
            opt.zeroGrad();
            md.backwardOnes();
            opt.step();
            assertThat(v(md.w0())).isCloseTo(0.85f, within(1e-7f));
            assertThat(v(md.gamma())).isCloseTo(0.8f, within(1e-7f));
            assertThat(v(md.mean())).isEqualTo(1f);
        }
    }

    @Test
    void freezeToCountsFromTheEndAndClamps() {
        try (NDManager m = NDManager.newBaseManager()) {
            Model md = Model.create(m);
            StepperOptimizer opt = (StepperOptimizer) Optimizers.adam().create(md.groups(), m);
            opt.freezeTo(-1);
            assertThat(opt.frozenIdx()).isEqualTo(1);
            opt.freezeTo(5);
            assertThat(opt.frozenIdx()).isEqualTo(2);
            assertThat(md.w1().getArray().hasGradient()).isFalse();
            opt.freezeTo(0);
            assertThat(opt.frozenIdx()).isZero();
            assertThat(md.w1().getArray().hasGradient()).isTrue();
        }
    }
}
