package org.fastai4j.benchmarks;

import ai.djl.nn.Block;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.EngineSetup;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.optim.Optimizers;
import org.fastai4j.vision.ImageDataLoaders;

/**
 * Native memory benchmark: {@code fitOneCycle(20, 3e-3)} of a small CNN on a small image folder
 * (default the Fashion-MNIST 1280/256 folder {@code /tmp/bench-data/fmnist-tiny}), recording after
 * every epoch the resident memory (VmRSS), the peak (VmHWM), the live NDArrays under the
 * learner's manager and under the engine's root manager. Issue 4's criteria: RSS after the last
 * epoch at most 1% above RSS after the first, and a constant live-array count.
 * Options: {@code --data DIR --epochs 20 --bs 64 --model small|resnet18 --out FILE}, {@code --nmt true}
 * (with {@code -XX:NativeMemoryTracking=summary} in the JVM options) prints the JVM's native memory
 * growth from the end of epoch 1 to the end; {@code --trace true} prints after every epoch the memory
 * mappings whose resident size changed most since the previous epoch and glibc's {@code malloc_stats}
 * (system and in-use bytes per arena, on standard error).
 */
public final class MemoryBench {
    private MemoryBench() {}

    /** Samples memory and live arrays after each epoch. */
    static final class Sampler implements Callback {
        final List<Double> rss = new ArrayList<>();
        final List<Double> hwm = new ArrayList<>();
        final List<Integer> learnerArrays = new ArrayList<>();
        final List<Integer> allArrays = new ArrayList<>();
        final List<Double> heapCommitted = new ArrayList<>();
        /** The JVM's arena chunks (mostly the JIT compilers' scratch memory) after each epoch, with --nmt. */
        final List<Double> jitArenas = new ArrayList<>();
        final boolean nmt;
        java.util.Map<String, Long> mappingsAfterFirst = java.util.Map.of();
        final boolean trace;
        java.util.Map<String, Long> previous = java.util.Map.of();

        Sampler(boolean nmt, boolean trace) {
            this.nmt = nmt;
            this.trace = trace;
        }

        @Override
        public void afterEpoch(Learner learn) {
            rss.add(Rss.currentMiB());
            heapCommitted.add(Runtime.getRuntime().totalMemory() / 1048576.0);
            hwm.add(Rss.peakMiB());
            learnerArrays.add(learn.manager().getManagedArrays().size());
            allArrays.add(learn.manager().getParentManager().getManagedArrays().size());
            if (trace) {
                java.util.Map<String, Long> now = Rss.mappingsKiB();
                System.out.printf("epoch %d: RSS %.1f MiB; changed mappings since the previous epoch:%n%s%n", rss.size(),
                        rss.get(rss.size() - 1), Rss.growth(previous, now, 6));
                previous = now;
                System.out.flush();
                com.sun.jna.Function.getFunction("c", "malloc_stats").invokeVoid(new Object[0]);
            }
            if (nmt) {
                jitArenas.add(arenaChunkMiB(nativeMemory("summary")));
            }
            if (nmt && rss.size() == 1) {
                nativeMemory("baseline");
                mappingsAfterFirst = Rss.mappingsKiB();
            }
        }

        @Override
        public int order() {
            return 100;
        }
    }

    /**
     * Runs the benchmark: trains with a {@link Sampler} after every epoch and reports RSS per epoch
     * (MiB), peak RSS, the growth after the first epoch (%), the live-array counts per epoch, the final
     * accuracy, and {@code pass} (growth at most 1% and constant array counts; the line ends in PASS or
     * FAIL).
     * Prints a one-line summary and a {@code JSON} line on standard output; with {@code --out FILE}
     * also writes the JSON, pretty-printed, to {@code FILE} (temp file + rename).
     *
     * @param argv the options listed in the class comment, as {@code --key value} or
     *     {@code --key=value}
     * @throws java.io.FileNotFoundException if {@code DIR/train} does not exist (the message gives the
     *     command that writes it)
     * @throws IllegalArgumentException if an option is not {@code --key} or a number does not parse
     * @throws Exception if training or writing the result fails
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path data = Path.of(a.str("data", "/tmp/bench-data/fmnist-tiny"));
        if (!Files.isDirectory(data.resolve("train"))) {
            throw new java.io.FileNotFoundException("no image folder at " + data + "/train: write it with "
                    + "/usr/bin/python3 ../shared/peer/fmnist_to_png.py " + data + " 1280 256");
        }
        int epochs = a.integer("epochs", 20);
        int bs = a.integer("bs", 64);
        String modelName = a.str("model", "small");
        EngineSetup.apply();
        int workers = a.integer("workers", -1);
        var builder = ImageDataLoaders.fromFolder(data).optBs(bs);
        ImageDataLoaders dls = (workers >= 0 ? builder.optWorkers(workers) : builder).build();
        int classes = dls.vocab().orElseThrow().size();
        Block model = "resnet18".equals(modelName) ? Recipes.visionResnet18(classes) : SmallNet.create(classes);
        boolean nmt = "true".equals(a.str("nmt", "false"));
        Sampler s = new Sampler(nmt, "true".equals(a.str("trace", "false")));
        double start = Rss.currentMiB();
        double acc;
        try (Learner learn = Learner.builder(dls, model).optOptFunc(Optimizers.adam()).addMetric(Metrics.accuracy())
                .optSilent(true).addCallback(s).build()) {
            learn.fitOneCycle(epochs, 3e-3);
            double[] last = learn.recorder().values().get(epochs - 1);
            acc = last[2];
        }
        if (nmt) {
            System.out.println(nativeMemory("summary.diff"));
            System.out.println("resident growth per mapping from epoch 1 to the end:\n"
                    + Rss.growth(s.mappingsAfterFirst, Rss.mappingsKiB(), 25));
        }
        double first = s.rss.get(0);
        double lastRss = s.rss.get(s.rss.size() - 1);
        double maxAfterFirst = s.rss.stream().mapToDouble(Double::doubleValue).max().orElse(first);
        double growth = (lastRss - first) / first;
        double maxGrowth = (maxAfterFirst - first) / first;
        boolean constant = s.learnerArrays.stream().distinct().count() == 1 && s.allArrays.stream().distinct().count() == 1;
        BenchResult r = new BenchResult("memory");
        r.put("data", data.toString()).put("model", modelName).put("epochs", epochs).put("bs", bs)
                .put("rss_before_fit_mib", start).put("rss_mib_per_epoch", s.rss)
                .put("java_heap_committed_mib_per_epoch", s.heapCommitted).put("peak_rss_mib", Rss.peakMiB())
                .put("peak_rss_mib_per_epoch", s.hwm).put("jvm_arena_chunks_mib_per_epoch", s.jitArenas)
                .put("growth_after_first_epoch_pct", growth * 100).put("max_growth_after_first_epoch_pct", maxGrowth * 100)
                .put("learner_arrays_per_epoch", s.learnerArrays).put("all_arrays_per_epoch", s.allArrays)
                .put("arrays_constant", constant).put("final_accuracy", acc)
                .put("pass", growth <= 0.01 && constant);
        r.print(String.format("%d epochs: RSS %.0f MiB after epoch 1, %.0f MiB after epoch %d (%+.2f%%, max %+.2f%%), "
                + "peak %.0f MiB; live NDArrays %s (learner) / %s (all): %s", epochs, first, lastRss, epochs,
                growth * 100, maxGrowth * 100, Rss.peakMiB(), summary(s.learnerArrays), summary(s.allArrays),
                growth <= 0.01 && constant ? "PASS" : "FAIL"), a.str("out", null));
    }

    /**
     * Runs the JVM's {@code VM.native_memory} diagnostic command (needs
     * {@code -XX:NativeMemoryTracking=summary}): "baseline" after the first epoch, "summary.diff" at the end
     * shows which of the JVM's own areas (heap, code, threads, GC, symbols, "Other" = direct buffers) grew.
     */
    static String nativeMemory(String what) {
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            return (String) server.invoke(name, "vmNativeMemory", new Object[] {new String[] {what}},
                    new String[] {String[].class.getName()});
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("VM.native_memory " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** The committed MiB of NMT's "Arena Chunk" line in a {@code VM.native_memory summary} report (0 if absent). */
    static double arenaChunkMiB(String nmtSummary) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Arena Chunk \\(reserved=\\d+KB, committed=(\\d+)KB")
                .matcher(nmtSummary);
        return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : 0;
    }

    private static String summary(List<Integer> counts) {
        long distinct = counts.stream().distinct().count();
        return distinct == 1 ? "constant at " + counts.get(0) : counts.toString();
    }
}
