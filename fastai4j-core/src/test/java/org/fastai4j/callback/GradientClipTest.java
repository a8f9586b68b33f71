package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Event;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

/** torch's clip_grad_norm_ semantics on hand-made gradients. */
class GradientClipTest {

    /** A parameter whose gradient after backward of sum(w * c) is exactly c. */
    private static Parameter param(NDManager m, String name, float... c) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optArray(m.ones(new Shape(c.length))).build();
        p.getArray().setRequiresGradient(true);
        return p;
    }

    private static void backward(NDManager m, List<Parameter> ps, float[][] cs) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (int i = 0; i < ps.size(); i++) {
                NDArray term = ps.get(i).getArray().mul(m.create(cs[i])).sum();
                loss = loss == null ? term : loss.add(term);
            }
            gc.backward(loss);
        }
    }

    private static float[] grad(Parameter p) {
        try (NDArray g = p.getArray().getGradient()) {
            return g.toFloatArray();
        }
    }

    @Test
    void scalesAllGradientsByMaxNormOverTotalNorm() {
        // grads [3, -4] and [0, 12]: total = sqrt(9 + 16 + 144) = 13. max_norm 1:
        // coef = 1 / (13 + 1e-6); the grads become [3, -4]/13 and [0, 12]/13 (the negative
        // component shrinks as the positive ones do).
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] cs = {{3, -4}, {0, 12}};
            List<Parameter> ps = List.of(param(m, "a", cs[0]), param(m, "b", cs[1]));
            backward(m, ps, cs);
            int live = m.getManagedArrays().size();
            double total = GradientClip.clipGradNorm(ps, 1.0);
            assertThat(m.getManagedArrays()).as("gradient handles are closed").hasSize(live);
            assertThat(total).isCloseTo(13, within(1e-5));
            double coef = 1 / (13 + 1e-6);
            assertThat(grad(ps.get(0))).containsExactly(new float[] {(float) (3 * coef), (float) (-4 * coef)}, within(1e-6f));
            assertThat(grad(ps.get(1))).containsExactly(new float[] {0, (float) (12 * coef)}, within(1e-6f));
        }
    }

    @Test
    void leavesSmallGradientsAndFrozenParametersAlone() {
        // total norm 5 <= max_norm 10: coef > 1, nothing changes. A frozen parameter (no gradient,
        // as torch's requires_grad=False) neither counts in the norm nor is touched.
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] cs = {{3, -4}, {100, 100}};
            List<Parameter> ps = List.of(param(m, "a", cs[0]), param(m, "frozen", cs[1]));
            backward(m, ps, cs);
            ps.get(1).freeze(true);
            assertThat(GradientClip.clipGradNorm(ps, 10.0)).isCloseTo(5, within(1e-6));
            assertThat(grad(ps.get(0))).containsExactly(3f, -4f);
            assertThat(GradientClip.clipGradNorm(ps, 2.5)).isCloseTo(5, within(1e-6));
            assertThat(grad(ps.get(0))).containsExactly(new float[] {1.5f, -2f}, within(1e-6f));
        }
    }

    private static double[] gradNorms(Learner learn) {
        double sq = 0;
        for (Pair<String, Parameter> p : learn.model().getParameters()) {
            for (float v : grad(p.getValue())) {
                sq += v * v;
            }
        }
        return new double[] {Math.sqrt(sq)};
    }

    @Test
    void clipsInTheLoopBeforeEachStep() {
        // Probes just before (order 10) and after (order 12) GradientClip (order 11) read the
        // total gradient norm of each training batch: with max_norm 0.01 every norm above it is
        // brought down to max_norm / (norm + 1e-6) * norm, just under 0.01.
        try (Learner learn = SyntheticLearners.linear(51)) {
            List<double[]> before = new ArrayList<>();
            List<double[]> after = new ArrayList<>();
            Probe pre = new Probe(10).on(Event.BEFORE_STEP, l -> before.add(gradNorms(l)));
            Probe post = new Probe(12).on(Event.BEFORE_STEP, l -> after.add(gradNorms(l)));
            learn.fit(1, Lr.of(0.1), pre, new GradientClip(0.01), post);
            assertThat(before).hasSize(16);
            int clipped = 0;
            for (int i = 0; i < before.size(); i++) {
                double norm = before.get(i)[0];
                double expected = norm > 0.01 ? norm * 0.01 / (norm + 1e-6) : norm;
                assertThat(after.get(i)[0]).as("batch %d", i).isCloseTo(expected, within(1e-6));
                if (norm > 0.01) {
                    clipped++;
                }
            }
            assertThat(clipped).as("batches whose gradient norm exceeded 0.01").isPositive();
        }
    }

    @Test
    void refusesNonPositiveMaxNorm() {
        assertThatThrownBy(() -> new GradientClip(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNorm").hasMessageContaining("0.0");
        assertThat(new GradientClip().maxNorm()).isEqualTo(1.0);
    }
}
