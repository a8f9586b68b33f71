package org.fastai4j.vision.models;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastai4j.io.PthReader;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.junit.jupiter.api.Test;

/**
 * Parity with torchvision: a BasicBlock and a (grouped) Bottleneck with random weights and BatchNorm
 * statistics, saved by torch.save with an input and torchvision's outputs ({@code generate_fixtures.py}),
 * loaded by name through our .pth reader: outputs within 1e-4 in eval and train mode, and the BatchNorm
 * running statistics after one train-mode forward equal torch's (momentum 0.1, unbiased variance).
 */
class BlockParityTest {

    static double check(AbstractBlock block, String fixture) throws Exception {
        Path file = Path.of(BlockParityTest.class.getResource("/models/" + fixture).toURI());
        Map<String, RawTensor> all = PthReader.read(file);
        Map<String, RawTensor> weights = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.startsWith("__")) {
                weights.put(k, v);
            }
        });
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = all.get("__input__").toNDArray(m);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            StateDicts.load(block, weights, true);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray y = block.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray expected = all.get("__output__").toNDArray(m);
            assertThat(y.getShape()).isEqualTo(expected.getShape());
            // the reference output is not trivial (a wrong load could not pass by accident)
            assertThat(expected.abs().max().getFloat()).isGreaterThan(0.5f);
            double evalDiff = y.sub(expected).abs().max().getFloat();
            NDArray yt = block.forward(ps, new NDList(x), true).singletonOrThrow();
            double trainDiff = yt.sub(all.get("__train_output__").toNDArray(m)).abs().max().getFloat();
            double statDiff = 0;
            Map<String, RawTensor> after = StateDicts.stateDict(block);
            for (Map.Entry<String, RawTensor> e : all.entrySet()) {
                if (e.getKey().startsWith("__after.")) {
                    String name = e.getKey().substring("__after.".length());
                    float[] a = after.get(name).toFloatArray();
                    float[] b = e.getValue().toFloatArray();
                    for (int i = 0; i < a.length; i++) {
                        statDiff = Math.max(statDiff, Math.abs(a[i] - b[i]));
                    }
                }
            }
            System.out.printf("%s: eval max|diff| %.3e, train %.3e, running stats %.3e%n", fixture, evalDiff,
                    trainDiff, statDiff);
            assertThat(evalDiff).isLessThanOrEqualTo(1e-4);
            assertThat(trainDiff).isLessThanOrEqualTo(1e-4);
            assertThat(statDiff).isLessThanOrEqualTo(1e-5);
            return evalDiff;
        }
    }

    @Test
    void safetensorsRoundTripOfALoadedBlockGivesTheSameOutputs(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = Path.of(BlockParityTest.class.getResource("/models/bottleneck.pth").toURI());
        Map<String, RawTensor> all = PthReader.read(file);
        Map<String, RawTensor> weights = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (!k.startsWith("__")) {
                weights.put(k, v);
            }
        });
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = all.get("__input__").toNDArray(m);
            Bottleneck a = new Bottleneck(8, 4, 2, 2, 64);
            a.initialize(m, DataType.FLOAT32, x.getShape());
            StateDicts.load(a, weights, true);
            Path st = dir.resolve("b.safetensors");
            org.fastai4j.io.Safetensors.write(st, StateDicts.stateDict(a), Map.of("arch", "bottleneck"));
            Bottleneck b = new Bottleneck(8, 4, 2, 2, 64);
            b.initialize(m, DataType.FLOAT32, x.getShape());
            StateDicts.load(b, org.fastai4j.io.Safetensors.read(st).tensors(), true);
            ParameterStore ps = new ParameterStore(m, false);
            float[] ya = a.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            float[] yb = b.forward(ps, new NDList(x), false).singletonOrThrow().toFloatArray();
            assertThat(yb).containsExactly(ya);
        }
    }

    @Test
    void basicBlockMatchesTorchvision() throws Exception {
        check(new BasicBlock(4, 8, 2), "basic_block.pth");
    }

    @Test
    void groupedBottleneckMatchesTorchvision() throws Exception {
        check(new Bottleneck(8, 4, 2, 2, 64), "bottleneck.pth");
    }
}
