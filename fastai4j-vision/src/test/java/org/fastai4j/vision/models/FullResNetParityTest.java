package org.fastai4j.vision.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fastai4j.io.PthReader;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full-size parity with torchvision: Python's torch writes a resnet's weights (random, with random
 * BatchNorm statistics), a batch of 2 random 64×64 images and torchvision's eval-mode output
 * ({@code full_resnet_reference.py}); our model loads the file by name through the .pth reader and must
 * match within 1e-4. resnet18 runs in the suite; resnet34 and resnet50 (about 20 s each here) only with
 * {@code -Dfastai4j.fullParity=true}. Skipped, with a message, where {@code /usr/bin/python3} with torch is absent.
 */
class FullResNetParityTest {

    @TempDir
    Path dir;

    static boolean pythonTorch() {
        try {
            Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch, torchvision").start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "resnet34", "resnet50"})
    void matchesTorchvision(String arch) throws Exception {
        assumeTrue(arch.equals("resnet18") || Boolean.getBoolean("fastai4j.fullParity"),
                "skipped: resnet34/50 parity takes ~20 s each; run with -Dfastai4j.fullParity=true");
        assumeTrue(pythonTorch(), "skipped: /usr/bin/python3 with torch and torchvision is not available");
        Path script = Path.of(getClass().getResource("/models/full_resnet_reference.py").toURI());
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), arch, dir.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        Map<String, RawTensor> weights = PthReader.read(dir.resolve(arch + ".pth"));
        Map<String, RawTensor> io = PthReader.read(dir.resolve(arch + "_io.pth"));
        ResNet model = switch (arch) {
            case "resnet18" -> ResNets.resnet18(1000);
            case "resnet34" -> ResNets.resnet34(1000);
            default -> ResNets.resnet50(1000);
        };
        try (NDManager m = NDManager.newBaseManager()) {
            model.initialize(m, DataType.FLOAT32, new Shape(2, 3, 64, 64));
            StateDicts.load(model, weights, true);
            NDArray y = model.forward(new ParameterStore(m, false), new NDList(io.get("input").toNDArray(m)), false)
                    .singletonOrThrow();
            NDArray expected = io.get("output").toNDArray(m);
            double diff = y.sub(expected).abs().max().getFloat();
            System.out.printf("%s full-size parity: max|diff| %.3e (output max|y| %.3f)%n", arch, diff,
                    expected.abs().max().getFloat());
            assertThat(diff).isLessThanOrEqualTo(1e-4);
        }
        Files.deleteIfExists(dir.resolve(arch + ".pth"));
    }
}
