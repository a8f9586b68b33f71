package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ai.djl.nn.SequentialBlock;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.testing.ArrayDataLoader;
import org.fastai4j.metrics.Metrics;
import org.junit.jupiter.api.Test;

/**
 * The whole loop against a real fastai 2.7.13 run (fixture written by
 * src/test/resources/fastai-fit/make_fit_reference.py): same data, same batch order, same
 * initial weights, fastai's defaults (Adam, CrossEntropyLossFlat) and {@code fit_one_cycle(2, 0.05)}.
 * The per-batch lrs, moms and smoothed losses, the epoch values and the final weights must agree
 * (fastai computes in float32: tolerances are float32 rounding).
 */
class FastaiReferenceTest {

    @Test
    void fitOneCycleReproducesFastai() throws Exception {
        JsonObject ref;
        try (var in = getClass().getResourceAsStream("/fastai-fit/one_cycle.json")) {
            ref = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
        Vocab vocab = new Vocab(List.of("0", "1"));
        DataLoaders dls = new DataLoaders(
                new ArrayDataLoader(rows(ref.getAsJsonArray("x_train")), longs(ref.getAsJsonArray("y_train")), 16,
                        true, false, 0, vocab),
                new ArrayDataLoader(rows(ref.getAsJsonArray("x_valid")), longs(ref.getAsJsonArray("y_valid")), 16,
                        false, 0, vocab));
        try (Learner learn = Learner.builder(dls, Linear.builder().setUnits(2).build())
                .addMetric(Metrics.accuracy()).optSilent(true).build()) {
            Parameter w = learn.model().getParameters().get("weight");
            Parameter b = learn.model().getParameters().get("bias");
            w.getArray().set(new NDIndex("..."), learn.manager().create(rows(ref.getAsJsonArray("weight0"))));
            b.getArray().set(new NDIndex("..."), learn.manager().create(floats(ref.getAsJsonArray("bias0"))));

            learn.fitOneCycle(2, 0.05);

            Recorder r = learn.recorder();
            double[] lrs = doubles(ref.getAsJsonArray("lrs"));
            double[] moms = doubles(ref.getAsJsonArray("moms"));
            double[] smooth = doubles(ref.getAsJsonArray("smooth_losses"));
            assertThat(r.lrs()).hasSize(lrs.length);
            for (int i = 0; i < lrs.length; i++) {
                assertThat(r.lrs()[i]).isCloseTo(lrs[i], within(lrs[i] * 1e-9));
                assertThat(r.moms()[i]).isCloseTo(moms[i], within(1e-9));
                assertThat(r.losses()[i]).as("smoothed loss %d", i).isCloseTo(smooth[i], within(2e-6));
            }
            assertThat(r.metricNames()).containsExactly("epoch", "train_loss", "valid_loss", "accuracy", "time");
            JsonArray values = ref.getAsJsonArray("values");
            assertThat(r.values()).hasSize(values.size());
            for (int e = 0; e < values.size(); e++) {
                double[] want = doubles(values.get(e).getAsJsonArray());
                double[] got = r.values().get(e);
                assertThat(got[0]).isCloseTo(want[0], within(2e-6));
                assertThat(got[1]).isCloseTo(want[1], within(2e-6));
                assertThat(got[2]).isEqualTo(want[2]);
            }
            float[] wantW = flat(rows(ref.getAsJsonArray("weight")));
            NDArray gotW = w.getArray();
            float[] gw = gotW.toFloatArray();
            for (int i = 0; i < wantW.length; i++) {
                assertThat(gw[i]).isCloseTo(wantW[i], within(1e-5f));
            }
            float[] gb = b.getArray().toFloatArray();
            float[] wantB = floats(ref.getAsJsonArray("bias"));
            for (int i = 0; i < wantB.length; i++) {
                assertThat(gb[i]).isCloseTo(wantB[i], within(1e-5f));
            }
        }
    }

    static JsonObject load(String name) throws Exception {
        try (var in = FastaiReferenceTest.class.getResourceAsStream("/fastai-fit/" + name)) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    static DataLoaders data(JsonObject ref) throws Exception {
        Vocab vocab = new Vocab(List.of("0", "1"));
        return new DataLoaders(
                new ArrayDataLoader(rows(ref.getAsJsonArray("x_train")), longs(ref.getAsJsonArray("y_train")), 16,
                        true, false, 0, vocab),
                new ArrayDataLoader(rows(ref.getAsJsonArray("x_valid")), longs(ref.getAsJsonArray("y_valid")), 16,
                        false, 0, vocab));
    }

    /** Sets {@code p} from a (nested) JSON array of the same shape. */
    static void set(Learner learn, Parameter p, JsonArray values) {
        NDArray a = values.get(0).isJsonArray() ? learn.manager().create(rows(values)) : learn.manager().create(floats(values));
        p.getArray().set(new NDIndex("..."), a);
        a.close();
    }

    static void assertClose(Parameter p, JsonArray values) {
        float[] want = values.get(0).isJsonArray() ? flat(rows(values)) : floats(values);
        float[] got = p.getArray().toFloatArray();
        assertThat(got).hasSize(want.length);
        for (int i = 0; i < want.length; i++) {
            assertThat(got[i]).as(p.getName() + "[" + i + "]").isCloseTo(want[i], within(1e-5f));
        }
    }

    @Test
    void fineTuneReproducesFastai() throws Exception {
        JsonObject ref = load("fine_tune.json");
        SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(8).build())
                .add(ai.djl.nn.Activation::relu).add(Linear.builder().setUnits(2).build());
        try (Learner learn = Learner.builder(data(load("one_cycle.json")), net).addMetric(Metrics.accuracy())
                .optSplitter(SyntheticLearners::bodyHead).optSilent(true).build()) {
            List<Parameter> ps = learn.model().getParameters().values();
            String[] torch = {"0.weight", "0.bias", "2.weight", "2.bias"};
            JsonObject init = ref.getAsJsonObject("init");
            for (int i = 0; i < 4; i++) {
                set(learn, ps.get(i), init.getAsJsonArray(torch[i]));
            }
            List<List<double[]>> lrs = new ArrayList<>();
            Callback lrLog = new Callback() {
                @Override
                public void beforeFit(Learner l) {
                    lrs.add(new ArrayList<>());
                }

                @Override
                public void afterStep(Learner l) {
                    lrs.get(lrs.size() - 1).add(l.opt().hyper("lr"));
                }
            };
            learn.fineTune(1, FineTuneOptions.DEFAULTS, lrLog);
            JsonArray wantLrs = ref.getAsJsonArray("lrs_per_fit");
            assertThat(lrs).hasSize(wantLrs.size());
            for (int f = 0; f < lrs.size(); f++) {
                JsonArray fit = wantLrs.get(f).getAsJsonArray();
                assertThat(lrs.get(f)).hasSize(fit.size());
                for (int k = 0; k < fit.size(); k++) {
                    double[] want = doubles(fit.get(k).getAsJsonArray());
                    for (int g = 0; g < want.length; g++) {
                        assertThat(lrs.get(f).get(k)[g]).isCloseTo(want[g], within(want[g] * 1e-9));
                    }
                }
            }
            // as fastai, the Recorder holds the last fit (the unfrozen one)
            double[] smooth = doubles(ref.getAsJsonArray("smooth_losses"));
            assertThat(learn.recorder().losses()).hasSize(smooth.length);
            for (int i = 0; i < smooth.length; i++) {
                assertThat(learn.recorder().losses()[i]).isCloseTo(smooth[i], within(2e-6));
            }
            double[] want = doubles(ref.getAsJsonArray("values").get(0).getAsJsonArray());
            double[] got = learn.recorder().values().get(0);
            assertThat(got[0]).isCloseTo(want[0], within(2e-6));
            assertThat(got[1]).isCloseTo(want[1], within(2e-6));
            assertThat(got[2]).isEqualTo(want[2]);
            JsonObject fin = ref.getAsJsonObject("final");
            for (int i = 0; i < 4; i++) {
                assertClose(ps.get(i), fin.getAsJsonArray(torch[i]));
            }
        }
    }

    @Test
    void lrFindReproducesFastai() throws Exception {
        JsonObject ref = load("lr_find.json");
        try (Learner learn = Learner.builder(data(load("one_cycle.json")), Linear.builder().setUnits(2).build())
                .optSilent(true).build()) {
            JsonObject init = ref.getAsJsonObject("init");
            set(learn, learn.model().getParameters().get("weight"), init.getAsJsonArray("weight"));
            set(learn, learn.model().getParameters().get("bias"), init.getAsJsonArray("bias"));
            SuggestedLrs s = learn.lrFind(1e-4, 10, 30, true);
            double[] lrs = doubles(ref.getAsJsonArray("lrs"));
            double[] losses = doubles(ref.getAsJsonArray("losses"));
            assertThat(s.lrs()).hasSize(lrs.length);
            for (int i = 0; i < lrs.length; i++) {
                assertThat(s.lrs()[i]).isCloseTo(lrs[i], within(lrs[i] * 1e-9));
                assertThat(s.losses()[i]).isCloseTo(losses[i], within(2e-6));
            }
            for (String m : new String[] {"valley", "slide", "minimum", "steep"}) {
                double want = ref.get(m).getAsDouble();
                double got = switch (m) {
                    case "valley" -> s.valley();
                    case "slide" -> s.slide();
                    case "minimum" -> s.minimum();
                    default -> s.steep();
                };
                assertThat(got).as(m).isCloseTo(want, within(want * 1e-6));
            }
            assertClose(learn.model().getParameters().get("weight"), ref.getAsJsonObject("after").getAsJsonArray("weight"));
            assertClose(learn.model().getParameters().get("bias"), ref.getAsJsonObject("after").getAsJsonArray("bias"));
        }
    }

    static float[][] rows(JsonArray a) {
        float[][] out = new float[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats(a.get(i).getAsJsonArray());
        }
        return out;
    }

    static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsFloat();
        }
        return out;
    }

    static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    static long[] longs(JsonArray a) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsLong();
        }
        return out;
    }

    static float[] flat(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }
}
