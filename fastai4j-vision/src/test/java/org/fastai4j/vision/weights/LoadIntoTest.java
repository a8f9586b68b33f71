package org.fastai4j.vision.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.fastai4j.vision.models.ModelMeta;
import org.fastai4j.vision.models.ResNets;
import org.fastai4j.vision.models.CnnModel;
import org.junit.jupiter.api.Test;

/** Loading ImageNet-shaped weights into a model with another class count and input channels. */
class LoadIntoTest {

    @Test
    void keepsOwnClassifierAndAdaptsTheFirstConv() {
        try (NDManager m = NDManager.newBaseManager()) {
            CnnModel imagenet = ResNets.resnet18(1000);
            imagenet.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            Map<String, RawTensor> sd = StateDicts.stateDict(imagenet);
            CnnModel mine = ResNets.resnet18(7);
            mine.initialize(m, DataType.FLOAT32, new Shape(1, 1, 32, 32));
            float[] ownFc = StateDicts.parameters(mine).get("fc.weight").getArray().toFloatArray();
            Weights.loadInto(mine, sd, 1);
            Map<String, RawTensor> after = StateDicts.stateDict(mine);
            assertThat(after.get("layer3.1.bn2.running_var").toFloatArray())
                    .containsExactly(sd.get("layer3.1.bn2.running_var").toFloatArray());
            assertThat(after.get("layer1.0.conv1.weight").toFloatArray())
                    .containsExactly(sd.get("layer1.0.conv1.weight").toFloatArray());
            assertThat(after.get("fc.weight").toFloatArray()).containsExactly(ownFc);
            float[] w3 = sd.get("conv1.weight").toFloatArray();
            float[] w1 = after.get("conv1.weight").toFloatArray();
            // n_in = 1: the sum over the 3 input channels of each (out, kh, kw)
            assertThat(w1[0]).isCloseTo(w3[0] + w3[49] + w3[98], org.assertj.core.data.Offset.offset(1e-6f));
            assertThat(mine.meta()).isEqualTo(ModelMeta.RESNET);
        }
    }
}
