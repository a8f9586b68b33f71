package org.fastai4j.vision.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.io.StateDicts;
import org.fastai4j.optim.ParamGroup;
import org.junit.jupiter.api.Test;

/** fastai's create_head, create_vision_model and _resnet_split, checked against fastai's definitions. */
class HeadAndAssemblyTest {

    static Map<String, Shape> shapes(ai.djl.nn.Block b) {
        Map<String, Shape> out = new LinkedHashMap<>();
        StateDicts.parameters(b).forEach((k, p) -> out.put(k, p.getArray().getShape()));
        return out;
    }

    @Test
    void defaultHeadIsFastaisLayout() {
        // create_head(512, 10): nf doubled by concat pool; lin_ftrs [1024, 512, 10]; ps [0.25, 0.5];
        // LinBnDrop(1024, 512, bn, p=0.25, ReLU) = [BN1d(1024), Dropout, Linear(no bias), ReLU] at index 2,
        // LinBnDrop(512, 10, bn, p=0.5) = [BN1d(512), Dropout, Linear(no bias)] at index 3
        SequentialBlock head = Heads.createHead(512, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            head.initialize(m, DataType.FLOAT32, new Shape(2, 512, 7, 7));
            Map<String, Shape> s = shapes(head);
            assertThat(s.keySet()).containsExactly("2.0.weight", "2.0.bias", "2.0.running_mean", "2.0.running_var",
                    "2.2.weight", "3.0.weight", "3.0.bias", "3.0.running_mean", "3.0.running_var", "3.2.weight");
            assertThat(s.get("2.2.weight")).isEqualTo(new Shape(512, 1024));
            assertThat(s.get("3.2.weight")).isEqualTo(new Shape(10, 512));
            // 2*1024 + 512*1024 + 2*512 + 10*512
            assertThat(StateDicts.parameterCount(head)).isEqualTo(532_480L);
            // fastai's BatchNorm: bias 1e-3, weight 1
            assertThat(StateDicts.parameters(head).get("2.0.bias").getArray().toFloatArray()).containsOnly(1e-3f);
            assertThat(StateDicts.parameters(head).get("2.0.weight").getType()).isEqualTo(Parameter.Type.GAMMA);
            NDArray x = m.randomNormal(new Shape(2, 512, 7, 7));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray y1 = head.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray y2 = head.forward(ps, new NDList(x), false).singletonOrThrow();
            assertThat(y1.getShape()).isEqualTo(new Shape(2, 10));
            assertThat(y1.toFloatArray()).containsExactly(y2.toFloatArray()); // no dropout in eval
        }
    }

    @Test
    void headWeightsAreKaimingNormalAfterApplyInit() {
        SequentialBlock head = Heads.createHead(512, 10);
        Heads.applyInit(head);
        try (NDManager m = NDManager.newBaseManager()) {
            head.initialize(m, DataType.FLOAT32, new Shape(1, 512, 2, 2));
            float[] w = StateDicts.parameters(head).get("2.2.weight").getArray().toFloatArray();
            double var = 0;
            for (float v : w) {
                var += v * v;
            }
            // kaiming_normal_ (fan_in 1024, gain sqrt(2)): std sqrt(2/1024) = 0.0442; 524288 draws
            assertThat(Math.sqrt(var / w.length)).isCloseTo(Math.sqrt(2.0 / 1024), org.assertj.core.data.Offset.offset(0.001));
        }
    }

    @Test
    void concatPoolIsMaxThenAverage() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 6, 10, 20, 30, 40}, new Shape(1, 2, 2, 2));
            NDArray y = new AdaptiveConcatPool2d().forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(1, 4, 1, 1));
            assertThat(y.toFloatArray()).containsExactly(6, 40, 3, 25);
        }
    }

    @Test
    void headOptions() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock h = Heads.createHead(64, 3, HeadOptions.defaults().withPool(true, false)
                    .withLinFtrs(List.of()).withBnFinal(true).withYRange(-1, 2));
            h.initialize(m, DataType.FLOAT32, new Shape(4, 64, 3, 3));
            // avg pool: nf stays 64; one LinBnDrop(64, 3, p=0.5) at 2, BN1d(3) at 3, SigmoidRange at 4
            assertThat(shapes(h).get("2.2.weight")).isEqualTo(new Shape(3, 64));
            assertThat(shapes(h)).containsKey("3.running_var");
            NDArray y = h.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(4, 64, 3, 3)).mul(50)),
                    false).singletonOrThrow();
            for (float v : y.toFloatArray()) {
                assertThat(v).isBetween(-1f, 2f);
            }
            assertThatThrownBy(() -> Heads.createHead(64, 3, HeadOptions.defaults().withPs(List.of(0.1, 0.2, 0.3))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ps has 3 values for 2 linear layers");
        }
    }

    @Test
    void visionModelHasFastaisNamesAndResnetSplit() {
        ResNet resnet = ResNets.resnet34(1000);
        SequentialBlock model = VisionModels.createVisionModel(resnet, resnet.numFeatures(), 5, HeadOptions.defaults());
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            Map<String, Parameter> p = StateDicts.parameters(model);
            // body = Sequential(conv1, bn1, relu, maxpool, layer1..4): torch names 0.0, 0.1, 0.4 ... 0.7
            assertThat(p.get("0.0.weight")).isSameAs(StateDicts.parameters(resnet).get("conv1.weight"));
            assertThat(p.get("0.7.2.bn2.running_var")).isSameAs(StateDicts.parameters(resnet).get("layer4.2.bn2.running_var"));
            assertThat(p).doesNotContainKey("0.8.weight"); // fc cut off
            List<ParamGroup> groups = VisionModels.resnetSplit().apply(model);
            assertThat(groups).extracting(ParamGroup::name).containsExactly("body0", "body1", "head");
            Map<String, Integer> expected = new LinkedHashMap<>();
            List<String> trainable = new ArrayList<>();
            p.forEach((k, v) -> {
                if (!StateDicts.isBuffer(v)) {
                    trainable.add(k);
                }
            });
            // _resnet_split: m[0][:6] (conv1, bn1, relu, maxpool, layer1, layer2), m[0][6:], m[1:]
            expected.put("body0", (int) trainable.stream().filter(k -> k.matches("0\\.[0-5]\\..*")).count());
            expected.put("body1", (int) trainable.stream().filter(k -> k.matches("0\\.[67]\\..*")).count());
            expected.put("head", (int) trainable.stream().filter(k -> k.startsWith("1.")).count());
            assertThat(groups.get(0).parameters()).hasSize(expected.get("body0"));
            assertThat(groups.get(1).parameters()).hasSize(expected.get("body1"));
            assertThat(groups.get(2).parameters()).hasSize(expected.get("head")).hasSize(6);
            NDArray y = model.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 3, 64, 64))), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 5));
        }
    }
}
