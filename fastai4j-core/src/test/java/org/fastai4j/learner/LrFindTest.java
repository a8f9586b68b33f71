package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.learner.testing.TestSgd;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;

class LrFindTest {

    @Test
    void sweepsExponentiallyForNumItBatchesAndRestoresEverything() {
        try (Learner learn = SyntheticLearners.linear(31)) {
            learn.fit(1, Lr.of(0.05)); // the optimizer now has momentum state
            float[] w0 = LoopEventsTest.weights(learn);
            Map<String, float[]> state0 = state(learn);
            int live = learn.manager().getManagedArrays().size();

            SuggestedLrs s = learn.lrFind(1e-5, 1, 40, false);

            double[] lrs = learn.recorder().lrs();
            assertThat(lrs).hasSize(40); // 40/16 + 1 = 3 epochs planned, stopped after 40 batches
            for (int i = 0; i < lrs.length; i++) {
                // fastai's SchedExp at pos = train_iter/num_it: start * (end/start)^pos
                assertThat(lrs[i]).isCloseTo(1e-5 * Math.pow(1 / 1e-5, i / 40.0), within(1e-15));
            }
            assertThat(s.lrs()).containsExactly(lrs);
            assertThat(s.losses()).containsExactly(learn.recorder().losses());
            // weights, optimizer state and lr restored exactly
            assertThat(LoopEventsTest.weights(learn)).containsExactly(w0);
            Map<String, float[]> state1 = state(learn);
            assertThat(state1.keySet()).isEqualTo(state0.keySet());
            state0.forEach((k, v) -> assertThat(state1.get(k)).containsExactly(v));
            // fastai's fit sets lr = learn.lr before LRFinder saves the optimizer, so that value comes back
            assertThat(learn.opt().hyper("lr")).containsExactly(learn.lr());
            assertThat(learn.manager().getManagedArrays()).hasSize(live);
            assertThat(s.plot().toImage().getWidth()).isEqualTo(640);
        }
    }

    @Test
    void stopsWhenTheSmoothedLossDiverges() {
        // 30% flipped labels: a huge learning rate makes the weights and so the loss blow up
        try (Learner learn = SyntheticLearners.noisyBuilder(32, 0.3).build()) {
            learn.lrFind(1e-3, 1e7, 100, true);
            double[] smooth = learn.recorder().losses();
            assertThat(smooth.length).isLessThan(100);
            // fastai's rule: stop at the first batch whose smoothed loss exceeds 4x the best so far
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < smooth.length - 1; i++) {
                best = Math.min(best, smooth[i]);
                assertThat(smooth[i]).isLessThanOrEqualTo(4 * best);
            }
            best = Math.min(best, smooth[smooth.length - 1]);
            assertThat(smooth[smooth.length - 1]).isGreaterThan(4 * best);
        }
    }

    @Test
    void suggestionsEqualFastaisOnFixedCurves() throws Exception {
        // suggestions.json: fastai 2.7.13's own valley/slide/minimum/steep run by
        // src/test/resources/lrfind/make_suggestions.py on these curves (float32 tensors).
        JsonArray cases;
        try (var in = getClass().getResourceAsStream("/lrfind/suggestions.json")) {
            cases = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonArray();
        }
        assertThat(cases).hasSize(3);
        for (JsonElement c : cases) {
            JsonObject o = c.getAsJsonObject();
            SuggestedLrs s = SuggestedLrs.from(doubles(o.getAsJsonArray("lrs")), doubles(o.getAsJsonArray("losses")),
                    o.get("num_it").getAsInt());
            JsonObject exp = o.getAsJsonObject("expected");
            Map<String, Double> got = new LinkedHashMap<>();
            got.put("valley", s.valley());
            got.put("slide", s.slide());
            got.put("minimum", s.minimum());
            got.put("steep", s.steep());
            for (Map.Entry<String, Double> e : got.entrySet()) {
                double[] want = doubles(exp.getAsJsonArray(e.getKey()));
                assertThat(e.getValue()).as(o.get("kind") + " " + e.getKey()).isCloseTo(want[0], within(want[0] * 1e-12));
                LrSuggestions.Suggestion p = s.points().get(e.getKey());
                assertThat(p.pointLr()).isCloseTo(want[1], within(want[1] * 1e-12));
                assertThat(p.pointLoss()).isCloseTo(want[2], within(1e-6));
            }
        }
    }

    @Test
    void valleyOnAVShapedCurveAsDerivedByHand() {
        // losses fall strictly for indices 0..29 then rise: the longest decreasing run ends at
        // max_end = 29 with lds = 30, so max_start = 29 - 30 = -1 (fastai's arithmetic);
        // sections = 30/3 = 10, idx = -1 + 10 + int(10/2) = 14.
        int n = 50;
        double[] lrs = new double[n];
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            lrs[i] = Math.pow(10, -6 + i * 0.1);
            losses[i] = i <= 29 ? 3 - 0.1 * i : 0.1 + 0.05 * (i - 29);
        }
        assertThat(LrSuggestions.valley(lrs, losses).lr()).isEqualTo((double) (float) lrs[14]);
        // minimum: lowest loss at index 29, a tenth of its lr
        assertThat(LrSuggestions.minimum(lrs, losses).lr()).isEqualTo((double) (float) lrs[29] / 10);
    }

    static double[] doubles(JsonArray a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).getAsDouble();
        }
        return out;
    }

    static Map<String, float[]> state(Learner learn) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : ((TestSgd) learn.opt()).stateDict().entrySet()) {
            out.put(e.getKey(), e.getValue().toFloatArray());
            e.getValue().close();
        }
        return out;
    }
}
