package org.fastai4j.benchmarks;

import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.EngineSetup;
import org.fastai4j.learner.Learner;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.optim.Optimizers;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.models.VisionModels;

/**
 * End-to-end benchmark: fastai's recipe on the Fashion-MNIST image folder written by
 * {@code fmnist_to_png.py} ({@code train/} and {@code valid/} class folders): resnet18 from
 * scratch as {@code vision_learner} builds it, bs 128, {@code fitOneCycle(1, 3e-3)}, no item or
 * batch transforms. Reports training images per second over the whole fit (validation included,
 * as fastai's 148 s figure), the final accuracy and peak resident memory; then, when fastai is set
 * up, runs {@code bench_fastai.py} with the same recipe and prints the ratios.
 * Options: {@code --data DIR} (default {@code /tmp/bench-data/fmnist}), {@code --bs 128},
 * {@code --epochs 1}, {@code --lr 3e-3}, {@code --peer auto|false|first}, {@code --silent},
 * {@code --workers N} (our loader's worker threads; default: the loader's own choice),
 * {@code --out FILE}.
 */
public final class EndToEnd {
    private EndToEnd() {}

    /**
     * Runs the benchmark (fastai4j's fit, then fastai's when available; {@code --peer first} runs
     * fastai's first). The result holds images per second, final accuracy, peak RSS in MiB and, with
     * the peer, fastai's figures and the ratios.
     * Prints a one-line summary and a {@code JSON} line on standard output; with {@code --out FILE}
     * also writes the JSON, pretty-printed, to {@code FILE} (temp file + rename).
     *
     * @param argv the options listed in the class comment, as {@code --key value} or
     *     {@code --key=value}; a lone {@code --flag} means true
     * @throws java.io.FileNotFoundException if {@code DIR/train} does not exist (the message gives the
     *     command that writes it)
     * @throws IllegalArgumentException if an option is not {@code --key} or a number does not parse
     * @throws Exception if training, the Python peer or writing the result fails
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path data = Path.of(a.str("data", "/tmp/bench-data/fmnist"));
        if (!Files.isDirectory(data.resolve("train"))) {
            throw new java.io.FileNotFoundException("no image folder at " + data + "/train: write it with "
                    + "/usr/bin/python3 ../shared/peer/fmnist_to_png.py " + data + " [N_TRAIN N_VALID]");
        }
        int bs = a.integer("bs", 128);
        int epochs = a.integer("epochs", 1);
        double lr = a.dbl("lr", 3e-3);
        String peerMode = a.str("peer", "auto");
        boolean peer = !"false".equals(peerMode) && Files.isRegularFile(Peer.peerDir().resolve("bench_fastai.py"))
                && Peer.canImport("fastai.vision.all");
        BenchResult r = new BenchResult("endtoend");
        r.put("data", data.toString()).put("bs", bs).put("epochs", epochs).put("lr", lr);
        JsonObject theirs = null;
        if (peer && "first".equals(peerMode)) {
            theirs = runPeer(data, bs, epochs, lr);
        }
        runOurs(data, bs, epochs, lr, a.flag("silent"), a.integer("workers", -1), r);
        System.out.println("endtoend (fastai4j part): " + r.json());
        if (peer && theirs == null) {
            theirs = runPeer(data, bs, epochs, lr);
        }
        double ourSpeed = (double) r.get("images_per_s");
        double ourAcc = (double) r.get("accuracy");
        String line = String.format("fastai4j %.0f img/s, accuracy %.4f, peak RSS %.0f MiB", ourSpeed, ourAcc,
                (double) r.get("peak_rss_mib"));
        if (theirs != null) {
            double speed = theirs.get("images_per_s").getAsDouble();
            double acc = theirs.get("accuracy").getAsDouble();
            double rss = theirs.get("peak_rss_mib").getAsDouble();
            r.put("fastai_fit_s", theirs.get("fit_s").getAsDouble()).put("fastai_images_per_s", speed)
                    .put("fastai_accuracy", acc).put("fastai_peak_rss_mib", rss)
                    .put("speed_ratio", ourSpeed / speed).put("accuracy_diff_points", (ourAcc - acc) * 100)
                    .put("rss_ratio", (double) r.get("peak_rss_mib") / rss);
            line += String.format("; fastai %.0f img/s, accuracy %.4f, peak RSS %.0f MiB (with workers): "
                    + "speed %.2fx, accuracy %+.2f points, memory %.2fx", speed, acc, rss, ourSpeed / speed,
                    (ourAcc - acc) * 100, (double) r.get("peak_rss_mib") / rss);
        } else {
            line += " (fastai not available: no comparison)";
        }
        r.print(line, a.str("out", null));
    }

    private static void runOurs(Path data, int bs, int epochs, double lr, boolean silent, int workers, BenchResult r) {
        EngineSetup.apply();
        var builder = ImageDataLoaders.fromFolder(data).optBs(bs);
        ImageDataLoaders dls = (workers >= 0 ? builder.optWorkers(workers) : builder).build();
        int nTrain = dls.train().itemCount();
        Block model = Recipes.visionResnet18(dls.vocab().orElseThrow().size());
        try (Learner learn = Learner.builder(dls, model).optSplitter(VisionModels.resnetSplit())
                .optOptFunc(Optimizers.adam()).addMetric(Metrics.accuracy()).addMetric(Metrics.errorRate())
                .optSilent(silent).build()) {
            long t0 = System.nanoTime();
            learn.fitOneCycle(epochs, lr);
            double fit = (System.nanoTime() - t0) / 1e9;
            List<String> names = learn.recorder().metricNames();
            double[] last = learn.recorder().values().get(learn.recorder().values().size() - 1);
            double acc = last[names.indexOf("accuracy") - 1];
            r.put("n_train", nTrain).put("n_valid", dls.valid().itemCount()).put("fit_s", fit)
                    .put("images_per_s", nTrain * (double) epochs / fit).put("accuracy", acc)
                    .put("train_loss", last[0]).put("valid_loss", last[1])
                    .put("workers", workersUsed(dls, workers)).put("peak_rss_mib", Rss.peakMiB());
        }
    }

    /** The worker count asked for, or "default (N)" with the count the loader chose. */
    private static String workersUsed(ImageDataLoaders dls, int asked) {
        if (asked >= 0) {
            return String.valueOf(asked);
        }
        return "default (" + (dls.train() instanceof org.fastai4j.data.ThreadedDataLoader t ? t.workers() : -1) + ")";
    }

    private static JsonObject runPeer(Path data, int bs, int epochs, double lr) throws java.io.IOException {
        Path out = Files.createTempDirectory("fastai-peer");
        List<String> cmd = new ArrayList<>(List.of(Peer.python(), Peer.peerDir().resolve("bench_fastai.py").toString(),
                "--data", data.toString(), "--arch", "resnet18", "--bs", "" + bs, "--epochs", "" + epochs,
                "--lr", "" + lr, "--fit", "one_cycle", "--threads",
                "" + Runtime.getRuntime().availableProcessors(), "--out", out.toString()));
        Peer.Run run = Peer.run(cmd, null);
        Path result = out.resolve("result.json");
        if (!run.ok() || !Files.isRegularFile(result)) {
            throw new java.io.IOException("bench_fastai.py failed (exit " + run.exitCode() + "), see " + run.log());
        }
        JsonObject res = JsonParser.parseString(Files.readString(result)).getAsJsonObject();
        double fit = res.get("fit_s").getAsDouble();
        int nTrain = res.get("n_train").getAsInt();
        JsonArray names = res.getAsJsonArray("metric_names");
        JsonArray table = res.getAsJsonArray("epochs_table");
        JsonArray lastRow = table.get(table.size() - 1).getAsJsonArray();
        int accIdx = -1;
        for (int i = 0; i < names.size(); i++) {
            if ("accuracy".equals(names.get(i).getAsString())) {
                accIdx = i;
            }
        }
        // metric_names is [epoch, train_loss, valid_loss, accuracy, ...] and each row omits the epoch
        JsonObject o = new JsonObject();
        o.addProperty("fit_s", fit);
        o.addProperty("images_per_s", nTrain * (double) epochs / fit);
        o.addProperty("accuracy", lastRow.get(accIdx - 1).getAsDouble());
        o.addProperty("peak_rss_mib", run.peakTreeMiB());
        return o;
    }
}
