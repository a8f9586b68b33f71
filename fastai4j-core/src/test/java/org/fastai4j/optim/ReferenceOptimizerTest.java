package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seven steps of every optimizer on a 4-element tensor against {@code optim/reference.json}, which
 * {@code optim/reference.py} computes by re-deriving fastai 2.7.13's update rules (weight_decay,
 * l2_reg, average_grad, average_sqr_grad, step_stat, sgd/momentum/rms_prop/adam/radam/lamb steps,
 * Lookahead) with plain torch in float32. Several steps exercise the bias corrections, RAdam's
 * r > 5 switch (sqr_mom 0.9: r_inf = 19, rectified from step 5) and Lookahead's k = 6 sync.
 */
class ReferenceOptimizerTest {

    static Stream<JsonObject> cases() throws Exception {
        try (Reader r = new InputStreamReader(
                ReferenceOptimizerTest.class.getResourceAsStream("/optim/reference.json"), StandardCharsets.UTF_8)) {
            JsonArray cases = new Gson().fromJson(r, JsonObject.class).getAsJsonArray("cases");
            List<JsonObject> out = new ArrayList<>();
            cases.forEach(c -> out.add(c.getAsJsonObject()));
            return out.stream();
        }
    }

    /** The factory under test for a case, built from {@link Optimizers} with the case's settings. */
    static OptimizerFactory factory(String name) {
        return switch (name) {
            case "adam", "adam_no_wd" -> Optimizers.adam();
            case "adam_l2" -> Optimizers.adam(0.9, 0.99, 1e-5, 0.01, false);
            case "sgd" -> Optimizers.sgd();
            case "sgd_mom" -> Optimizers.sgd(0.9, 0.1);
            case "rmsprop" -> Optimizers.rmsProp();
            case "rmsprop_mom" -> Optimizers.rmsProp(0.9, 0.99, 1e-8, 0, true);
            case "radam", "radam_beta" -> Optimizers.rAdam();
            case "lamb" -> Optimizers.lamb();
            case "ranger" -> Optimizers.ranger();
            default -> throw new IllegalArgumentException("no factory for case " + name);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesFastaiUpdateRules(JsonObject c) {
        String name = c.get("name").getAsString();
        try (NDManager manager = NDManager.newBaseManager()) {
            // do_wd=False in fastai is what a bias gets by default (wd_bn_bias=False)
            Parameter.Type type = c.get("doWd").getAsBoolean() ? Parameter.Type.WEIGHT : Parameter.Type.BIAS;
            Parameter p = OptimTestSupport.param(manager, "w", type, floats(c.getAsJsonArray("p0")));
            Optimizer opt = factory(name).create(List.of(new ParamGroup("all", List.of(p))), manager);
            for (Map.Entry<String, JsonElement> h : c.getAsJsonObject("hyper").entrySet()) {
                opt.setHyper(h.getKey(), h.getValue().getAsDouble());
            }
            JsonArray grads = c.getAsJsonArray("grads");
            JsonArray expected = c.getAsJsonArray("expected");
            for (int step = 0; step < grads.size(); step++) {
                opt.zeroGrad();
                OptimTestSupport.backward(List.of(p), floats(grads.get(step).getAsJsonArray()));
                opt.step();
                float[] want = floats(expected.get(step).getAsJsonArray());
                float[] got = OptimTestSupport.values(p);
                for (int i = 0; i < want.length; i++) {
                    assertThat(got[i]).as("%s step %d element %d", name, step + 1, i)
                            .isCloseTo(want[i], within(2e-6f + 2e-6f * Math.abs(want[i])));
                }
            }
        }
    }

    static float[] floats(JsonArray a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = a.get(i).getAsFloat();
        }
        return f;
    }
}
