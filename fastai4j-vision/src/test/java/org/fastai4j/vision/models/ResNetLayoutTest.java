package org.fastai4j.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fastai4j.io.StateDicts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our ResNets have torchvision's parameter names, order, shapes and counts. Expected values come from
 * torchvision 0.14 ({@code generate_fixtures.py} wrote {@code torchvision_resnets.json}: the state dict
 * without {@code num_batches_tracked}, and {@code sum(p.numel() for p in model.parameters())}, which is
 * 11,689,512 / 21,797,672 / 25,557,032 for resnet18/34/50 with 1000 classes).
 */
class ResNetLayoutTest {

    private static JsonObject fixture(String arch) throws Exception {
        try (var in = ResNetLayoutTest.class.getResourceAsStream("/models/torchvision_resnets.json")) {
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject()
                    .getAsJsonObject(arch);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "resnet34", "resnet50"})
    void namesShapesAndCountMatchTorchvision(String arch) throws Exception {
        JsonObject fx = fixture(arch);
        ResNet model = switch (arch) {
            case "resnet18" -> ResNets.resnet18(1000);
            case "resnet34" -> ResNets.resnet34(1000);
            default -> ResNets.resnet50(1000);
        };
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            Map<String, Parameter> params = StateDicts.parameters(model);
            List<String> expectedNames = new ArrayList<>();
            fx.getAsJsonArray("names").forEach(e -> expectedNames.add(e.getAsString()));
            assertThat(new ArrayList<>(params.keySet())).containsExactlyElementsOf(expectedNames);
            for (int i = 0; i < expectedNames.size(); i++) {
                long[] shape = new Gson().fromJson(fx.getAsJsonArray("shapes").get(i), long[].class);
                assertThat(params.get(expectedNames.get(i)).getArray().getShape())
                        .as(expectedNames.get(i)).isEqualTo(new Shape(shape));
            }
            assertThat(StateDicts.parameterCount(model)).isEqualTo(fx.get("parameterCount").getAsLong());
            List<String> trainable = new ArrayList<>();
            fx.getAsJsonArray("trainable").forEach(e -> trainable.add(e.getAsString()));
            params.forEach((name, p) -> assertThat(StateDicts.isBuffer(p)).as(name).isEqualTo(!trainable.contains(name)));
            params.forEach((name, p) -> {
                if (name.matches(".*bn\\d\\.weight|.*downsample\\.1\\.weight|bn1\\.weight")) {
                    assertThat(p.getType()).as(name).isEqualTo(Parameter.Type.GAMMA);
                }
            });
        }
    }

    /** torchvision 0.14's {@code meta["num_params"]} of the other architectures' weights. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"resnet101,44549160", "resnet152,60192808",
        "resnext50_32x4d,25028904", "wide_resnet50_2,68883240"})
    void otherArchitecturesHaveTorchvisionsParameterCounts(String arch, long count) {
        ResNet model = switch (arch) {
            case "resnet101" -> ResNets.resnet101(1000);
            case "resnet152" -> ResNets.resnet152(1000);
            case "resnext50_32x4d" -> ResNets.resnext50_32x4d(1000);
            default -> ResNets.wide_resnet50_2(1000);
        };
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertThat(StateDicts.parameterCount(model)).isEqualTo(count);
        }
    }

    private static final class Gson {
        private final com.google.gson.Gson gson = new com.google.gson.Gson();

        <T> T fromJson(com.google.gson.JsonElement e, Class<T> c) {
            return gson.fromJson(e, c);
        }
    }
}
