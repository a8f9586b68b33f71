package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Torch-style names for DJL blocks and loading by name, with one error listing every problem. */
class StateDictsTest {

    static SequentialBlock model() {
        return new SequentialBlock().add(Linear.builder().setUnits(2).build()).add(Linear.builder().setUnits(1).build());
    }

    @Test
    void namesLoadAndErrors() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock b = model();
            b.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            assertThat(StateDicts.names(b)).containsExactly("0.weight", "0.bias", "1.weight", "1.bias");
            assertThat(StateDicts.parameterCount(b)).isEqualTo(2 * 3 + 2 + 2 + 1);
            Map<String, RawTensor> sd = new LinkedHashMap<>();
            sd.put("0.weight", RawTensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
            sd.put("0.bias", RawTensor.ofFloats(new float[] {7, 8}, 2));
            sd.put("1.weight", RawTensor.ofFloats(new float[] {9, 10}, 1, 2));
            sd.put("1.bias", RawTensor.ofFloats(new float[] {11}, 1));
            sd.put("1.num_batches_tracked", RawTensor.ofFloats(new float[] {0}, 1)); // ignored, as torch buffers
            StateDicts.load(b, sd, true);
            assertThat(StateDicts.stateDict(b).get("0.weight").toFloatArray()).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(StateDicts.parameters(b).get("1.bias").getArray().toFloatArray()).containsExactly(11);

            Map<String, RawTensor> bad = new LinkedHashMap<>(sd);
            bad.remove("0.bias");
            bad.put("2.weight", RawTensor.ofFloats(new float[] {1}, 1));
            bad.put("1.weight", RawTensor.ofFloats(new float[] {1, 2, 3}, 1, 3));
            assertThatThrownBy(() -> StateDicts.load(b, bad, true)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("missing 1: [0.bias]").hasMessageContaining("unexpected 1: [2.weight]")
                    .hasMessageContaining("mis-shaped 1: [1.weight (file [1, 3], model (1, 2))]");
            // nothing was changed by the refused load
            assertThat(StateDicts.parameters(b).get("1.weight").getArray().toFloatArray()).containsExactly(9, 10);
            // not strict: missing and unexpected are allowed, mis-shaped is not
            bad.put("1.weight", RawTensor.ofFloats(new float[] {5, 6}, 1, 2));
            StateDicts.load(b, bad, false);
            assertThat(StateDicts.parameters(b).get("1.weight").getArray().toFloatArray()).containsExactly(5, 6);
        }
    }
}
