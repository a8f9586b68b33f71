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
 * (JPEG decode and crop in the workers, augmentation on the batch), then of fastai's DataLoader
 * ({@code python/loader_fastai.py}: PIL in worker processes, same transforms, same files), for
 * each worker count W of {@code --workers} (default {@code 0,1,<cores>}) with
 * {@code max(1, W)} engine threads on both sides:
 * <ul>
 *   <li>W = 0: everything on one thread (fastai: {@code num_workers=0}, the main process decodes,
 *       crops, collates and augments; fastai4j: the consumer thread does all of it): the cost per
 *       core;
 *   <li>W = 1: one worker decodes and crops while the consumer stacks and augments, two threads
 *       of execution on each side (fastai: one worker process plus the main process; fastai4j:
 *       one worker thread plus the consumer thread);
 *   <li>W = cores: all cores decode, the consumer augments with {@code cores} engine threads.
 * </ul>
 * The photos come from {@code python/make_photos.py}. Options: {@code --data DIR} (default
 * {@code /tmp/bench-data/photos}), {@code --bs 64}, {@code --epochs 2} (the best epoch counts),
 * {@code --workers 0,1,2}, {@code --peer auto|false}, {@code --out FILE}.
 */
public final class LoaderBench {
    private LoaderBench() {}

    /**
     * Runs the benchmark: for each worker count, fastai4j's loader then fastai's with the same
     * worker and thread counts (when fastai imports). Reports images per
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
        for (String w : a.str("workers", "0,1," + cores).split(",")) {
            int workers = Integer.parseInt(w.strip());
            int threads = Math.max(1, workers);
            String key = workers == 0 ? "one_thread" : workers == 1 ? "one_worker" : "workers_" + workers;
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            double[] ours = ours(data, bs, workers, epochs);
            r.put(key + "_workers", workers).put(key + "_engine_threads", threads)
                    .put(key + "_images_per_s", ours[0]).put(key + "_main_cpu_ms_per_image", ours[1]);
            line.append(String.format("%d worker%s, %d engine thread%s: fastai4j %.1f img/s (main thread"
                    + " %.2f CPU ms/img)", workers, workers == 1 ? "" : "s", threads,
                    threads == 1 ? "" : "s", ours[0], ours[1]));
            if (peer) {
                double[] theirs = fastai(data, bs, workers, epochs);
                r.put(key + "_fastai_images_per_s", theirs[0]).put(key + "_ratio", ours[0] / theirs[0])
                        .put(key + "_fastai_main_cpu_ms_per_image", theirs[1])
                        .put(key + "_cpu_ratio", theirs[1] / ours[1]);
                line.append(String.format(", fastai %.1f img/s (main process %.2f CPU ms/img), %.2fx"
                        + " (CPU %.2fx)", theirs[0], theirs[1], ours[0] / theirs[0], theirs[1] / ours[1]));
            }
            line.append("; ");
        }
        ai.djl.pytorch.jni.JniUtils.setNumThreads(EngineSetup.intraOpThreads());
        r.print(line.toString(), a.str("out", null));
    }

    /**
     * fastai4j's side: the best epoch's images per second and the fewest CPU milliseconds per
     * image spent on the consumer thread (with 0 workers and 1 engine thread: all the work).
     */
    static double[] ours(Path data, int bs, int workers, int epochs) throws Exception {
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(data).optItemTfms(RandomResizedCrop.of(224))
                .optBatchTfms(Augment.augTransforms()).optBs(bs).optWorkers(workers).build();
        DataLoader train = dls.train();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = 0;
        double cpu = Double.POSITIVE_INFINITY;
        try (NDManager m = NDManager.newBaseManager()) {
            for (int e = 0; e < epochs; e++) {
                long n = 0;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (DataLoader.CloseableIterator<Batch> it = train.iterator(m, e)) {
                    while (it.hasNext()) {
                        try (Batch b = it.next()) {
                            n += b.xs().head().getShape().get(0);
                        }
                    }
                }
                best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
                cpu = Math.min(cpu, (threads.getCurrentThreadCpuTime() - c0) / 1e6 / n);
            }
        } finally {
            closeLoader(dls.train());
            closeLoader(dls.valid());
        }
        return new double[] {best, cpu};
    }

    /** Ends a loader's worker threads (a {@code ThreadedDataLoader} keeps them across epochs). */
    private static void closeLoader(DataLoader dl) throws Exception {
        if (dl instanceof AutoCloseable c) {
            c.close();
        }
    }

    /** fastai's side: images per second and main-process CPU ms per image, best epochs. */
    static double[] fastai(Path data, int bs, int workers, int epochs) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Peer.python(), Peer.script("loader_fastai.py").toString(),
                data.toString(), "--bs", "" + bs, "--workers", "" + workers, "--threads", "" + Math.max(1, workers),
                "--epochs", "" + epochs));
        Peer.Run run = Peer.run(cmd, null);
        String json = Peer.lastLine(run.stdout(), "JSON ");
        if (!run.ok() || json == null) {
            throw new java.io.IOException("loader_fastai.py failed (exit " + run.exitCode() + "), see " + run.log());
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new double[] {o.get("images_per_s").getAsDouble(), o.get("main_cpu_ms_per_image").getAsDouble()};
    }
}
