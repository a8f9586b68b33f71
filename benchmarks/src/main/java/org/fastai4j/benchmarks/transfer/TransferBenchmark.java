package org.fastai4j.benchmarks.transfer;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fastai4j.io.PthWriter;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.Learner;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.vision.Arch;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.VisionLearner;
import org.fastai4j.vision.models.ResNets;
import org.fastai4j.vision.transform.Normalize;
import org.fastai4j.vision.transform.Resize;

/**
 * Issue 5's "transfer really transfers". A torchvision resnet18 ({@code ResNets.resnet18(5)}, in a
 * plain {@link Learner}) is trained on five Fashion-MNIST classes with {@code fitOneCycle} and its
 * state dict written as a torchvision {@code .pth} ({@link PthWriter}; checked with
 * {@code torch.load} + {@code load_state_dict(strict=True)} where Python's torch exists). Then, on
 * the five other classes with a few images each, per seed:
 * <ul>
 *   <li>{@code pretrained-fineTune}: {@code VisionLearner.builder(dls, RESNET18).optWeights(pth)}
 *       then {@code fineTune(epochs)};</li>
 *   <li>{@code scratch-fineTune}: {@code optPretrained(false)} and the same {@code fineTune(epochs)}
 *       (as fastai, its first epoch trains the head only);</li>
 *   <li>{@code scratch-fitOneCycle} (optional): {@code optPretrained(false)} and
 *       {@code fitOneCycle(1 + epochs, scratchLr)}, everything trained from the first step.</li>
 * </ul>
 * Every arm sees the same loaders (same seed, same ImageNet normalization) and the same seed. One
 * line per arm is printed, then the JSON report; exit status 1 when the pretrained recipe beats
 * the same recipe from scratch ({@code scratch-fineTune}, the criterion) by less than
 * {@code --min-margin} for some seed. The margin over {@code scratch-fitOneCycle} is reported, not gated. Options: {@link TransferOptions#parse}.
 */
public final class TransferBenchmark {

    /** {@code -Dfastai4j.transfer.verbose=true} shows each learner's epoch table. */
    static final boolean VERBOSE = Boolean.getBoolean("fastai4j.transfer.verbose");

    private TransferBenchmark() {}

    /**
     * Runs the benchmark, prints the JSON report and writes it to {@code --out} when given (temp file
     * + rename), then prints PASSED, or FAILED and exits with status 1, by the worst margin over
     * {@code scratch-fineTune}.
     *
     * @param args {@code --name value} pairs, see {@link TransferOptions#parse} (none: the defaults)
     * @throws IllegalArgumentException if the arguments are invalid
     * @throws IOException if the Fashion-MNIST files cannot be read or the images, weights or report
     *     cannot be written
     */
    public static void main(String[] args) throws IOException {
        TransferOptions o = TransferOptions.parse(args);
        TransferReport report = run(o);
        String json = report.toJson();
        System.out.println(json);
        if (o.out() != null) {
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(o.out().toAbsolutePath().getParent(), ".transfer", ".json");
            Files.writeString(tmp, json + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, o.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        // the criterion: the pretrained recipe against the same recipe from scratch
        double worst = report.worstMargin(TransferReport.SCRATCH_FINE_TUNE);
        double vsOneCycle = report.worstMargin(TransferReport.SCRATCH_ONE_CYCLE);
        if (!Double.isNaN(vsOneCycle)) {
            System.out.printf(Locale.ROOT, "worst margin vs %s (informative, not gated): %+.4f%n",
                    TransferReport.SCRATCH_ONE_CYCLE, vsOneCycle);
        }
        if (!(worst >= o.minMargin())) {
            System.out.printf(Locale.ROOT, "FAILED: worst margin vs %s %+.4f is below --min-margin %.4f%n",
                    TransferReport.SCRATCH_FINE_TUNE, worst, o.minMargin());
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "PASSED: worst margin vs %s %+.4f >= %.4f%n", TransferReport.SCRATCH_FINE_TUNE,
                worst, o.minMargin());
    }

    /**
     * Prepares the data, pretrains, runs every arm; the work folder is deleted after when it was a temp one.
     *
     * @param o the settings
     * @return what was measured: the pretraining run and every arm, in seed order
     * @throws IOException if the Fashion-MNIST files cannot be read or the images or weights cannot
     *     be written
     */
    public static TransferReport run(TransferOptions o) throws IOException {
        boolean temp = o.work() == null;
        Path work = temp ? Files.createTempDirectory("fastai4j-transfer") : o.work();
        try {
            Map<String, Map<String, Integer>> counts = prepare(o, work);
            TransferReport.Pretrain pretrain = pretrain(o, work.resolve("pretrain"), work.resolve("resnet18-fmnist5.pth"));
            List<TransferReport.Arm> arms = new ArrayList<>();
            for (long seed : o.seeds()) {
                arms.add(arm(o, work, seed, TransferReport.PRETRAINED));
                arms.add(arm(o, work, seed, TransferReport.SCRATCH_FINE_TUNE));
                if (o.oneCycleScratch()) {
                    arms.add(arm(o, work, seed, TransferReport.SCRATCH_ONE_CYCLE));
                }
            }
            return new TransferReport(o, pretrain, arms, counts);
        } finally {
            if (temp) {
                deleteTree(work);
            }
        }
    }

    /** Writes the four image folders: {@code pretrain|transfer / train|valid / class}. */
    static Map<String, Map<String, Integer>> prepare(TransferOptions o, Path work) throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        counts.put("pretrain/train", FashionMnist.writeFolder(o.fmnist(), "train", o.pretrainClasses(),
                o.pretrainPerClass(), work.resolve("pretrain/train")));
        counts.put("pretrain/valid", FashionMnist.writeFolder(o.fmnist(), "t10k", o.pretrainClasses(),
                o.validPerClass(), work.resolve("pretrain/valid")));
        counts.put("transfer/train", FashionMnist.writeFolder(o.fmnist(), "train", o.transferClasses(),
                o.transferPerClass(), work.resolve("transfer/train")));
        counts.put("transfer/valid", FashionMnist.writeFolder(o.fmnist(), "t10k", o.transferClasses(),
                o.validPerClass(), work.resolve("transfer/valid")));
        System.out.println("data: " + counts);
        return counts;
    }

    static ImageDataLoaders loaders(TransferOptions o, Path folder, int bs, long seed) {
        return ImageDataLoaders.fromFolder(folder).optItemTfms(Resize.of(o.size()))
                .optBatchTfms(Normalize.fromStats(Normalize.IMAGENET_STATS))
                .optBs(bs).optWorkers(o.workers()).optSeed(seed).build();
    }

    /** Trains the source model on the pretraining classes and writes its torchvision state dict. */
    static TransferReport.Pretrain pretrain(TransferOptions o, Path folder, Path pth) throws IOException {
        long seed = o.seeds().get(0);
        long t0 = System.nanoTime();
        ImageDataLoaders dls = loaders(o, folder, 64, seed);
        double[] v;
        try (Learner learn = Learner.builder(dls, ResNets.resnet18(o.pretrainClasses().size()))
                .addMetric(Metrics.accuracy()).optSilent(!VERBOSE).optSeed(seed).build()) {
            learn.fitOneCycle(o.pretrainEpochs(), o.pretrainLr());
            v = learn.validate();
            Map<String, RawTensor> sd = withBatchCounters(StateDicts.stateDict(learn.model()),
                    (long) o.pretrainEpochs() * dls.train().size());
            PthWriter.write(pth, sd);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        String check = TorchCheck.loadsInTorchvision(pth, "resnet18", o.pretrainClasses().size());
        System.out.printf(Locale.ROOT, "%-20s          accuracy %.4f  valid_loss %.4f  (%.0f s; %s, %d bytes; torchvision: %s)%n",
                "pretrain", v[1], v[0], secs, pth.getFileName(), Files.size(pth), check);
        return new TransferReport.Pretrain(v[1], v[0], secs, pth.getFileName().toString(), Files.size(pth), check);
    }

    /**
     * Adds torchvision's {@code num_batches_tracked} buffer (an int64 scalar, which DJL's BatchNorm does
     * not keep) after each BatchNorm's {@code running_var}, so the file loads with {@code strict=True}.
     */
    static Map<String, RawTensor> withBatchCounters(Map<String, RawTensor> sd, long batches) {
        Map<String, RawTensor> out = new LinkedHashMap<>();
        sd.forEach((name, t) -> {
            out.put(name, t);
            if (name.endsWith(".running_var")) {
                ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, batches);
                String prefix = name.substring(0, name.length() - "running_var".length());
                out.put(prefix + StateDicts.NUM_BATCHES_TRACKED, new RawTensor(DataType.INT64, new long[0], b));
            }
        });
        return out;
    }

    /** One run on the target task. */
    static TransferReport.Arm arm(TransferOptions o, Path work, long seed, String name) {
        long t0 = System.nanoTime();
        ImageDataLoaders dls = loaders(o, work.resolve("transfer"), o.bs(), seed);
        VisionLearner.Builder b = VisionLearner.builder(dls, Arch.RESNET18).addMetric(Metrics.accuracy())
                .learner(l -> l.optSilent(!VERBOSE).optSeed(seed));
        b = name.equals(TransferReport.PRETRAINED) ? b.optWeights(work.resolve("resnet18-fmnist5.pth"))
                : b.optPretrained(false);
        double[] v;
        try (Learner learn = b.build()) {
            if (name.equals(TransferReport.SCRATCH_ONE_CYCLE)) {
                learn.fitOneCycle(1 + o.epochs(), o.scratchLr());
            } else {
                learn.fineTune(o.epochs());
            }
            v = learn.validate();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-20s seed %-4d accuracy %.4f  valid_loss %.4f  (%.0f s)%n", name, seed, v[1], v[0], secs);
        return new TransferReport.Arm(name, seed, v[1], v[0], secs);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
