package org.fastai4j.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.junit.jupiter.api.Test;

/** XResNet, SimpleCnn and first-layer adaptation, against fastai's definitions. */
class OtherModelsTest {

    @Test
    void simpleCnnMatchesFastaisLayers() {
        // SimpleCNN([3, 16, 32, 10]): ConvLayer(3,16,stride 2)+BN, ConvLayer(16,32)+BN, ConvLayer(32,10) with bias, no BN;
        // parameters 3*16*9 + 2*16 + 16*32*9 + 2*32 + 32*10*9 + 10 = 8026
        SimpleCnn cnn = new SimpleCnn(3, 16, 32, 10);
        try (NDManager m = NDManager.newBaseManager()) {
            cnn.initialize(m, DataType.FLOAT32, new Shape(2, 3, 28, 28));
            assertThat(StateDicts.parameterCount(cnn)).isEqualTo(8026L);
            assertThat(StateDicts.names(cnn)).contains("0.0.weight", "0.1.running_mean", "2.0.weight", "2.0.bias");
            NDArray y = cnn.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 3, 28, 28))), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 10));
        }
    }

    @Test
    void xresnet18HasFastaisLayout() {
        XResNet x = XResNet.xresnet18(10);
        try (NDManager m = NDManager.newBaseManager()) {
            x.initialize(m, DataType.FLOAT32, new Shape(2, 3, 64, 64));
            Map<String, Shape> s = new LinkedHashMap<>();
            StateDicts.parameters(x).forEach((k, p) -> s.put(k, p.getArray().getShape()));
            // stem ConvLayers 0..2 (3->32 s2, 32->32, 32->64), maxpool 3, stages 4..7, pool 8, flatten 9, dropout 10, linear 11
            assertThat(s.get("0.0.weight")).isEqualTo(new Shape(32, 3, 3, 3));
            assertThat(s.get("2.0.weight")).isEqualTo(new Shape(64, 32, 3, 3));
            assertThat(s.get("4.0.convpath.0.0.weight")).isEqualTo(new Shape(64, 64, 3, 3));
            assertThat(s).doesNotContainKey("4.0.idpath.0.0.weight"); // 64 -> 64, stride 1: identity
            // stage 2, first block: idpath = [AvgPool(2, ceil), ConvLayer(64, 128, 1)]
            assertThat(s.get("5.0.idpath.1.0.weight")).isEqualTo(new Shape(128, 64, 1, 1));
            assertThat(s.get("11.weight")).isEqualTo(new Shape(10, 512));
            // BatchZero on the last conv of each residual path: weight initialised to 0; init_cnn zeroes BN biases
            assertThat(StateDicts.parameters(x).get("4.0.convpath.1.1.weight").getArray().toFloatArray()).containsOnly(0f);
            assertThat(StateDicts.parameters(x).get("4.0.convpath.0.1.bias").getArray().toFloatArray()).containsOnly(0f);
            NDArray y = x.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 3, 64, 64))), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 10));
            assertThat(VisionModels.createBody(x).getChildren().size()).isEqualTo(8); // cut -4
        }
    }

    /** Parameters of fastai's ConvLayer(ni, nf, ks) with BatchNorm: conv without bias + BN weight and bias. */
    static long convLayer(long ni, long nf, long ks) {
        return ni * nf * ks * ks + 2 * nf;
    }

    @Test
    void xresnet18ParameterCountFollowsFastaisDefinition() {
        // XResNet(ResBlock, 1, [2,2,2,2], n_out=10): stem ConvLayers 3->32->32->64; per stage i the ResBlocks
        // (ni -> nf, expansion 1): convpath ConvLayer(ni, nf, 3) + ConvLayer(nf, nf, 3), idpath ConvLayer(ni, nf, 1)
        // when ni != nf; then Linear(512, 10) with bias
        long expected = convLayer(3, 32, 3) + convLayer(32, 32, 3) + convLayer(32, 64, 3);
        long[] sizes = {64, 64, 128, 256, 512};
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                long ni = j == 0 ? sizes[i] : sizes[i + 1];
                long nf = sizes[i + 1];
                expected += convLayer(ni, nf, 3) + convLayer(nf, nf, 3) + (ni != nf ? convLayer(ni, nf, 1) : 0);
            }
        }
        expected += 512 * 10 + 10;
        XResNet x = XResNet.xresnet18(10);
        try (NDManager m = NDManager.newBaseManager()) {
            x.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            assertThat(StateDicts.parameterCount(x)).isEqualTo(expected).isEqualTo(11_200_874L);
        }
    }

    @Test
    void pretrainedFirstLayerAdaptsAsFastai() {
        // weight (1, 3, 1, 1) = [1, 2, 3]: n_in=1 -> sum 6; n_in=2 -> [1.5, 3]; n_in=4 -> [1, 2, 3, 0]
        Map<String, RawTensor> sd = Map.of("conv1.weight", RawTensor.ofFloats(new float[] {1, 2, 3}, 1, 3, 1, 1));
        assertThat(FirstLayer.adaptPretrained(sd, "conv1.weight", 1).get("conv1.weight").toFloatArray()).containsExactly(6);
        assertThat(FirstLayer.adaptPretrained(sd, "conv1.weight", 2).get("conv1.weight").toFloatArray())
                .containsExactly(1.5f, 3f);
        assertThat(FirstLayer.adaptPretrained(sd, "conv1.weight", 4).get("conv1.weight").toFloatArray())
                .containsExactly(1, 2, 3, 0);
    }

    @Test
    void grayscaleResnetLoadsAdaptedWeights() {
        ResNet r = ResNets.resnet18(10);
        try (NDManager m = NDManager.newBaseManager()) {
            ResNet src = ResNets.resnet18(10);
            src.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Map<String, RawTensor> sd = FirstLayer.adaptPretrained(StateDicts.stateDict(src), "conv1.weight", 1);
            r.initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            StateDicts.load(r, sd, true);
            NDArray w = r.conv1().getParameters().get("weight").getArray();
            assertThat(w.getShape()).isEqualTo(new Shape(64, 1, 7, 7));
            assertThat(w.toFloatArray()).containsExactly(sd.get("conv1.weight").toFloatArray());
            assertThat(w.hasGradient()).isTrue(); // loading in place keeps the parameter trainable
            NDArray y = r.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(2, 1, 32, 32))), false)
                    .singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(2, 10));
        }
    }
}
