package org.fastai4j.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss against torch 1.13: {@code losses/losses.json} was written by
 * {@code losses/make_losses.py}, which applies fastai 2.7.13's flattening (BaseLoss) and fastai's
 * formulas (LabelSmoothingCrossEntropy, FocalLoss) with torch's own losses (cross_entropy with
 * weight and ignore_index, binary_cross_entropy_with_logits, mse_loss, l1_loss). Means, fastai's
 * per-item losses and, for some cases, the gradient of the mean with respect to the logits.
 */
class LossesTorchReferenceTest {

    static Stream<JsonObject> cases() throws IOException {
        try (InputStream in = LossesTorchReferenceTest.class.getResourceAsStream("/losses/losses.json")) {
            assertThat(in).as("test resource losses/losses.json").isNotNull();
            JsonObject root = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), JsonObject.class);
            List<JsonObject> out = new ArrayList<>();
            root.getAsJsonArray("cases").forEach(e -> out.add(e.getAsJsonObject()));
            assertThat(out).hasSizeGreaterThanOrEqualTo(15);
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTorch(JsonObject c) {
        Loss loss = lossOf(c.get("loss").getAsString(), c.getAsJsonObject("params"));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(floats(c.getAsJsonArray("pred")), shape(c.getAsJsonArray("predShape")));
            float[] t = floats(c.getAsJsonArray("target"));
            NDArray target = m.create(t, shape(c.getAsJsonArray("targetShape")));
            if (!c.get("targetFloat").getAsBoolean()) {
                target = target.toType(DataType.INT64, false);
            }
            double expectedMean = c.get("mean").getAsDouble();
            NDArray mean = loss.forward(pred, target);
            assertThat(mean.getDataType()).as("mean's type follows the prediction's").isEqualTo(DataType.FLOAT32);
            assertThat(mean.getFloat()).as("mean")
                    .isCloseTo((float) expectedMean, within(tol(expectedMean)));
            float[] perItem = loss.perItem(pred, target).toFloatArray();
            float[] expected = floats(c.getAsJsonArray("perItem"));
            assertThat(perItem).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(perItem[i]).as("per-item loss %d", i).isCloseTo(expected[i], within(tol(expected[i])));
            }
            if (c.has("grad")) {
                pred.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(loss.forward(pred, target));
                }
                float[] grad = pred.getGradient().toFloatArray();
                float[] expectedGrad = floats(c.getAsJsonArray("grad"));
                for (int i = 0; i < expectedGrad.length; i++) {
                    assertThat(grad[i]).as("gradient %d", i).isCloseTo(expectedGrad[i], within(1e-5f));
                }
            }
        }
    }

    private static float tol(double v) {
        return (float) Math.max(1e-5, Math.abs(v) * 1e-5);
    }

    static Loss lossOf(String kind, JsonObject p) {
        float[] weight = p.has("weight") ? floats(p.getAsJsonArray("weight")) : null;
        return switch (kind) {
            case "ce" -> Losses.crossEntropyFlat(weight,
                    p.has("ignoreIndex") ? p.get("ignoreIndex").getAsInt() : CrossEntropyLossFlat.DEFAULT_IGNORE_INDEX,
                    p.has("axis") ? p.get("axis").getAsInt() : -1);
            case "ls" -> Losses.labelSmoothingCrossEntropy(p.get("eps").getAsDouble(), weight);
            case "focal" -> Losses.focalLoss(p.get("gamma").getAsDouble(), weight);
            case "bce" -> Losses.bceWithLogitsFlat();
            case "mse" -> Losses.mseFlat();
            case "l1" -> Losses.l1Flat();
            default -> throw new IllegalArgumentException("unknown loss kind in losses.json: " + kind);
        };
    }

    static float[] floats(JsonArray a) {
        float[] out = new float[a.size()];
        int i = 0;
        for (JsonElement e : a) {
            out[i++] = e.getAsFloat();
        }
        return out;
    }

    static Shape shape(JsonArray a) {
        long[] s = new long[a.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = a.get(i).getAsLong();
        }
        return new Shape(s);
    }
}
