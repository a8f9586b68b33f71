package org.fastai4j.benchmarks.transfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fastai4j.io.PthReader;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.fastai4j.vision.Arch;
import org.fastai4j.vision.models.CnnModel;

/**
 * Issue 5's full-size parity check, where {@code /usr/bin/python3} has torch and torchvision: for
 * each architecture, the vision module's fixture script
 * ({@code fastai4j-vision/src/test/resources/models/full_resnet_reference.py}, the one
 * {@code FullResNetParityTest} runs; used in place, not copied) writes torchvision's weights, a
 * random 2×3×64×64 batch and torchvision's eval-mode output; our model ({@code Arch.create(1000)})
 * loads the weights by name with the {@code .pth} reader and must match within 1e-4.
 *
 * <p>Arguments: {@code [--script PATH] [--archs resnet18,resnet34,resnet50] [--tol 1e-4]}; the
 * default script path is relative to the repository root. Prints one line per architecture and a
 * JSON summary; exit status 1 when a difference exceeds the tolerance, 2 when Python's torch is absent.
 */
public final class FullParityBenchmark {

    private FullParityBenchmark() {}

    /**
     * One architecture's result: max |ours − torchvision|, max |torchvision|, and the seconds our forward took.
     *
     * @param arch the architecture's torchvision name
     * @param maxAbsDiff the largest absolute difference between our logits and torchvision's
     * @param maxAbsOutput the largest absolute logit of torchvision's output (the scale of the difference)
     * @param forwardSeconds the wall time of our eval-mode forward pass, in seconds
     * @param pass whether {@code maxAbsDiff} is at most the tolerance
     */
    public record Result(String arch, double maxAbsDiff, double maxAbsOutput, double forwardSeconds, boolean pass) {}

    /**
     * Runs the check; see the class comment for the arguments. Exits with status 1 when an
     * architecture fails, 2 when Python's torch and torchvision are absent.
     *
     * @param args {@code --script PATH}, {@code --archs a,b,c} and {@code --tol T} pairs, in any order
     * @throws IllegalArgumentException if an option is unknown, a value is missing or the tolerance
     *     does not parse
     * @throws Exception if the fixture script fails, its files cannot be read, or an architecture is
     *     unknown
     */
    public static void main(String[] args) throws Exception {
        Path script = Path.of("fastai4j-vision/src/test/resources/models/full_resnet_reference.py");
        List<String> archs = List.of("resnet18", "resnet34", "resnet50");
        double tol = 1e-4;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--script" -> script = Path.of(args[i + 1]);
                case "--archs" -> archs = List.of(args[i + 1].split(","));
                case "--tol" -> tol = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --script --archs --tol");
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs");
        }
        if (!TorchCheck.available()) {
            System.out.println("skipped: " + TorchCheck.PYTHON + " with torch and torchvision is not available");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        Path dir = Files.createTempDirectory("fastai4j-parity");
        try {
            for (String arch : archs) {
                Result r = check(script, arch, dir, tol);
                System.out.printf(Locale.ROOT, "%-10s max|diff| %.3e  (max|y| %.3f, our forward %.1f s)  %s%n",
                        r.arch(), r.maxAbsDiff(), r.maxAbsOutput(), r.forwardSeconds(), r.pass() ? "ok" : "FAILED");
                results.add(r);
            }
        } finally {
            TransferBenchmark.deleteTree(dir);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", "full-parity");
        json.put("tolerance", tol);
        json.put("results", results);
        System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json));
        if (results.stream().anyMatch(r -> !r.pass())) {
            System.exit(1);
        }
    }

    /**
     * Generates {@code arch}'s fixture with Python in {@code dir}, loads it into our model and compares.
     * The fixture files are deleted afterwards.
     *
     * @param script the fixture script ({@code full_resnet_reference.py})
     * @param arch the architecture's torchvision name, e.g. {@code resnet50}
     * @param dir an existing folder for the fixture files
     * @param tol the largest absolute logit difference that passes (default 1e-4)
     * @return the comparison
     * @throws NoSuchFileException if the script does not exist
     * @throws IOException if the script fails or times out (10 minutes), or its files cannot be read
     * @throws InterruptedException if interrupted while waiting for Python
     * @throws IllegalArgumentException if {@code arch} is not a known architecture or the weights do
     *     not fit it
     */
    public static Result check(Path script, String arch, Path dir, double tol) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            throw new NoSuchFileException(script.toAbsolutePath().toString(), null,
                    "fixture script not found; run from the repository root or pass --script");
        }
        Process p = new ProcessBuilder(TorchCheck.PYTHON, script.toString(), arch, dir.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(script + " " + arch + " failed: " + log);
        }
        Map<String, RawTensor> weights = PthReader.read(dir.resolve(arch + ".pth"));
        Map<String, RawTensor> io = PthReader.read(dir.resolve(arch + "_io.pth"));
        CnnModel model = Arch.fromName(arch).create(1000);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = io.get("input").toNDArray(m);
            model.initialize(m, DataType.FLOAT32, x.getShape());
            StateDicts.load(model, weights, true);
            long t0 = System.nanoTime();
            NDArray y = model.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            double secs = (System.nanoTime() - t0) / 1e9;
            NDArray expected = io.get("output").toNDArray(m);
            double diff = y.sub(expected).abs().max().getFloat();
            double scale = expected.abs().max().getFloat();
            return new Result(arch, diff, scale, secs, diff <= tol);
        } finally {
            Files.deleteIfExists(dir.resolve(arch + ".pth"));
            Files.deleteIfExists(dir.resolve(arch + "_io.pth"));
        }
    }
}
