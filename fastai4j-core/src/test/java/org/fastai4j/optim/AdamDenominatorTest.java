package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * fastai's {@code adam_step} (which LAMB and RAdam share) takes {@code (sqr_avg/debias2).sqrt() + eps};
 * the unfused stepper must give exactly that, bit for bit, with torch's square root.
 */
class AdamDenominatorTest {

    @Test
    void adamStepUsesTheSquareRootAsFastaiDoes() {
        int n = 4000;
        Random r = new Random(11);
        float[] init = new float[n];
        for (int i = 0; i < n; i++) {
            init[i] = (float) r.nextGaussian();
        }
        double lr = 1e-2;
        double mom = 0.9;
        double sqrMom = 0.99;
        double eps = 1e-5;
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = OptimTestSupport.param(m, "w", Parameter.Type.WEIGHT, init.clone());
            StepperOptimizer opt = (StepperOptimizer) Optimizers.of(List.of(Steppers.averageGrad(true),
                            Steppers.averageSqrGrad(true), Steppers.stepStat(), Steppers.adamStep()),
                    Map.of("mom", mom, "sqr_mom", sqrMom, "eps", eps, "wd", 0.0))
                    .create(List.of(new ParamGroup("all", List.of(p))), m.newSubManager());
            opt.setHyper("lr", lr);
            int steps = 3; // after one step sqr_avg/debias2 is grad², whose root any method gets exactly
            float[] before = null;
            for (int k = 0; k < steps; k++) {
                float[] g = new float[n];
                for (int i = 0; i < n; i++) {
                    g[i] = (float) (r.nextGaussian() * Math.pow(10, -r.nextInt(4)));
                }
                opt.zeroGrad();
                OptimTestSupport.backward(List.of(p), g);
                before = p.getArray().toFloatArray();
                opt.step();
            }
            ParamState state = opt.states().get(0);
            double debias1 = Steppers.debias(mom, 1 - mom, steps);
            double debias2 = Steppers.debias(sqrMom, 1 - sqrMom, steps);
            try (NDManager t = m.newSubManager()) {
                NDArray avg = state.array(Steppers.GRAD_AVG);
                NDArray sqr = state.array(Steppers.SQR_AVG);
                NDArray denom = sqr.div((float) debias2).sqrt().add((float) eps);
                NDArray step = avg.div(denom).mul((float) (lr / debias1));
                NDArray expected = t.create(before).sub(step);
                denom.attach(t);
                step.attach(t);
                assertThat(p.getArray().toFloatArray()).containsExactly(expected.toFloatArray());
            }
        }
    }
}
