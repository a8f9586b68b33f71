package org.fastai4j.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.EngineSetup;
import org.fastai4j.losses.Losses;
import org.fastai4j.optim.Optimizer;
import org.fastai4j.optim.Optimizers;
import org.fastai4j.vision.models.ResNets;

/**
 * Engine benchmark: a bare DJL training step (torchvision-layout resnet18, fastai4j's in-place
 * Adam, cross-entropy, one in-memory batch of bs×3×28×28) against the same step in PyTorch from
 * Python ({@code benchmarks/python/torch_step.py}, torchvision's resnet18 and AdamW), run one after
 * the other. Options: {@code --bs 128 --size 28 --channels 3 --steps 30 --warmup 5 --rounds 2
 * --setup true} ({@link EngineSetup#apply()}; {@code false} leaves DJL's defaults),
 * {@code --threads N --interop N} (explicit engine threads), {@code --profile DIR} (libtorch's
 * profiler over 5 steps on both sides; summarise with {@code python/profile_summary.py}),
 * {@code --peer auto|false}, {@code --out FILE}.
 */
public final class EngineStep {
    private EngineStep() {}

    /**
     * Runs the benchmark: {@code --rounds} rounds, each timing {@code --steps} steps after
     * {@code --warmup} untimed ones, in DJL then (when Python's torch and torchvision import) in
     * PyTorch. The result holds the best milliseconds per step of each side and their ratio, with the
     * engine's thread counts.
     * Prints a one-line summary and a {@code JSON} line on standard output; with {@code --out FILE}
     * also writes the JSON, pretty-printed, to {@code FILE} (temp file + rename).
     *
     * @param argv the options listed in the class comment, as {@code --key value} or
     *     {@code --key=value}; a lone {@code --flag} means true
     * @throws IllegalArgumentException if an option is not {@code --key} or a number does not parse
     * @throws Exception if the engine, the Python peer, the profiler or writing the result fails
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        int bs = a.integer("bs", 128);
        int size = a.integer("size", 28);
        int channels = a.integer("channels", 3);
        int steps = a.integer("steps", 30);
        int warmup = a.integer("warmup", 5);
        int rounds = a.integer("rounds", 2);
        String profile = a.str("profile", null);
        configureEngine(a);
        BenchResult r = new BenchResult("engine");
        r.put("bs", bs).put("input", channels + "x" + size + "x" + size).put("steps", steps);
        r.put("djl_intra_threads", JniUtils.getNumThreads()).put("djl_interop_threads", JniUtils.getNumInteropThreads());
        r.put("malloc_mmap_threshold", String.valueOf(System.getenv("MALLOC_MMAP_THRESHOLD_")));
        Shape shape = new Shape(bs, channels, size, size);
        boolean peer = !"false".equals(a.str("peer", "auto")) && Peer.canImport("torch, torchvision");
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block model = ResNets.resnet18(10);
            BareLoop.initialize(model, manager.newSubManager(), shape, 0);
            Optimizer opt = Optimizers.adam().create(BareLoop.groups(model), manager.newSubManager());
            BareLoop loop = new BareLoop(model, Losses.crossEntropyFlat(), opt, manager);
            NDArray x = manager.create(BareLoop.inputs(shape, 1), shape);
            NDArray y = manager.create(BareLoop.labels(bs, 10, 1));
            for (int round = 0; round < rounds; round++) {
                ours.add(timeSteps(loop, x, y, warmup, steps));
                if (peer) {
                    theirs.add(runPython(a, bs, size, channels, steps, warmup, null));
                }
            }
            if (profile != null) {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(profile));
                JniUtils.startProfile(false, false, false);
                for (int i = 0; i < 5; i++) {
                    loop.step(x, y);
                }
                JniUtils.stopProfile(java.nio.file.Path.of(profile, "djl-trace.json").toString());
                if (peer) {
                    runPython(a, bs, size, channels, 3, 2, java.nio.file.Path.of(profile, "torch-trace.json").toString());
                }
                r.put("profile_dir", profile);
            }
        }
        double ourMs = Stats.min(ours.stream().mapToDouble(Double::doubleValue).toArray());
        r.put("djl_step_ms_per_round", ours).put("djl_step_ms", ourMs).put("djl_images_per_s", bs * 1000 / ourMs);
        String line = String.format("DJL %.1f ms/step (%.0f img/s)", ourMs, bs * 1000 / ourMs);
        if (!theirs.isEmpty()) {
            double theirMs = Stats.min(theirs.stream().mapToDouble(Double::doubleValue).toArray());
            r.put("torch_step_ms_per_round", theirs).put("torch_step_ms", theirMs)
                    .put("torch_images_per_s", bs * 1000 / theirMs).put("speed_ratio_djl_over_torch", theirMs / ourMs);
            line += String.format(", PyTorch %.1f ms/step (%.0f img/s): DJL/PyTorch speed %.2fx", theirMs,
                    bs * 1000 / theirMs, theirMs / ourMs);
        } else {
            line += " (PyTorch from Python not available: no comparison)";
        }
        r.print(line, a.str("out", null));
    }

    /** Applies {@link EngineSetup} unless {@code --setup false}; explicit {@code --threads/--interop} win. */
    static void configureEngine(Args a) {
        int interop = a.integer("interop", 0);
        if (interop > 0) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(interop));
        }
        int threads = a.integer("threads", 0);
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (!"false".equals(a.str("setup", "true"))) {
            EngineSetup.apply();
        }
        ai.djl.engine.Engine.getInstance();
    }

    /** Median step time in ms over {@code steps} after {@code warmup} steps. */
    static double timeSteps(BareLoop loop, NDArray x, NDArray y, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            loop.step(x, y);
        }
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            loop.step(x, y);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        return Stats.median(t);
    }

    private static double runPython(Args a, int bs, int size, int channels, int steps, int warmup, String trace)
            throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Peer.python(), Peer.script("torch_step.py").toString(),
                "--bs", "" + bs, "--size", "" + size, "--channels", "" + channels, "--steps", "" + steps,
                "--warmup", "" + warmup, "--threads", "" + a.integer("threads", JniUtils.getNumThreads())));
        if (a.integer("interop", 0) > 0) {
            cmd.addAll(List.of("--interop", "" + a.integer("interop", 0)));
        }
        if (trace != null) {
            cmd.addAll(List.of("--profile", trace));
        }
        Peer.Run run = Peer.run(cmd, null);
        String json = Peer.lastLine(run.stdout(), "JSON ");
        if (!run.ok() || json == null) {
            throw new java.io.IOException("torch_step.py failed (exit " + run.exitCode() + "), see " + run.log());
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return o.get("step_ms").getAsDouble();
    }
}
