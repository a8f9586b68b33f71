package org.fastai4j.benchmarks;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.EngineSetup;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.augment.Augment;
import org.fastai4j.vision.transform.RandomResizedCrop;

/**
 * Loader benchmark: images per second of the training loader of
 * {@code ImageDataLoaders.fromFolder(dir).optItemTfms(RandomResizedCrop.of(224)).optBatchTfms(Augment.augTransforms())}
 * (JPEG decode and crop in the workers, augmentation on the batch), with one worker and one
 * engine thread ("per core") and with all cores; then fastai's DataLoader
 * ({@code python/loader_fastai.py}: PIL in worker processes, same transforms, same files, same
 * worker and thread counts). The photos come from {@code python/make_photos.py}.
 * Options: {@code --data DIR} (default {@code /tmp/bench-data/photos}), {@code --bs 64},
 * {@code --epochs 2} (the best epoch counts), {@code --peer auto|false}, {@code --out FILE}.
 */
public final class LoaderBench {
    private LoaderBench() {}

    /**
     * Runs the benchmark: fastai4j's loader with 1 worker (1 engine thread) then with one worker per
     * core, each followed by fastai's with the same counts when fastai imports. Reports images per
     * second (best of the epochs) for each and the ratios fastai4j / fastai.
     * Prints a one-line summary and a {@code JSON} line on standard output; with {@code --out FILE}
     * also writes the JSON, pretty-printed, to {@code FILE} (temp file + rename).
     *
     * @param argv the options listed in the class comment, as {@code --key value} or
     *     {@code --key=value}
     * @throws java.io.FileNotFoundException if {@code DIR/train} does not exist (the message gives the
     *     command that writes it)
     * @throws IllegalArgumentException if an option is not {@code --key} or a number does not parse
     * @throws Exception if loading, the Python peer or writing the result fails
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path data = Path.of(a.str("data", "/tmp/bench-data/photos"));
        if (!Files.isDirectory(data.resolve("train"))) {
            throw new java.io.FileNotFoundException("no photos at " + data + "/train: write them with "
                    + "/usr/bin/python3 benchmarks/python/make_photos.py " + data);
        }
        int bs = a.integer("bs", 64);
        int epochs = a.integer("epochs", 2);
        int cores = Runtime.getRuntime().availableProcessors();
        boolean peer = !"false".equals(a.str("peer", "auto")) && Peer.canImport("fastai.vision.all");
        EngineSetup.apply();
        BenchResult r = new BenchResult("loader");
        r.put("data", data.toString()).put("bs", bs);
        StringBuilder line = new StringBuilder();
        for (int workers : new int[] {1, cores}) {
            String key = workers == 1 ? "one_core" : "all_cores";
            ai.djl.pytorch.jni.JniUtils.setNumThreads(workers);
            double ours = ours(data, bs, workers, epochs);
            r.put(key + "_workers", workers).put(key + "_images_per_s", ours);
            line.append(String.format("%s (%d worker%s): fastai4j %.1f img/s", key.replace('_', ' '), workers,
                    workers == 1 ? "" : "s", ours));
            if (peer) {
                double theirs = fastai(data, bs, workers, epochs);
                r.put(key + "_fastai_images_per_s", theirs).put(key + "_ratio", ours / theirs);
                line.append(String.format(", fastai %.1f img/s, %.2fx", theirs, ours / theirs));
            }
            line.append("; ");
            if (cores == 1) {
                break;
            }
        }
        ai.djl.pytorch.jni.JniUtils.setNumThreads(EngineSetup.intraOpThreads());
        r.print(line.toString(), a.str("out", null));
    }

    static double ours(Path data, int bs, int workers, int epochs) {
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(data).optItemTfms(RandomResizedCrop.of(224))
                .optBatchTfms(Augment.augTransforms()).optBs(bs).optWorkers(workers).build();
        DataLoader train = dls.train();
        double best = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int e = 0; e < epochs; e++) {
                long n = 0;
                long t0 = System.nanoTime();
                try (DataLoader.CloseableIterator<Batch> it = train.iterator(m, e)) {
                    while (it.hasNext()) {
                        try (Batch b = it.next()) {
                            n += b.xs().head().getShape().get(0);
                        }
                    }
                }
                best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
            }
        }
        return best;
    }

    static double fastai(Path data, int bs, int workers, int epochs) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Peer.python(), Peer.script("loader_fastai.py").toString(),
                data.toString(), "--bs", "" + bs, "--workers", "" + workers, "--threads", "" + workers,
                "--epochs", "" + epochs));
        Peer.Run run = Peer.run(cmd, null);
        String json = Peer.lastLine(run.stdout(), "JSON ");
        if (!run.ok() || json == null) {
            throw new java.io.IOException("loader_fastai.py failed (exit " + run.exitCode() + "), see " + run.log());
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return o.get("images_per_s").getAsDouble();
    }
}
