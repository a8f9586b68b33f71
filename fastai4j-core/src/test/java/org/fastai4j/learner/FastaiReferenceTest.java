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
import java.util.List;
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
