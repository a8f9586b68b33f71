package org.fastai4j.benchmarks.transfer;

import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What {@link TransferBenchmark} measured: the pretraining run, one {@link Arm} per (recipe, seed)
 * and the margins of the pretrained arm over each scratch arm; {@link #toJson()} writes it all.
 *
 * @param options the settings used
 * @param pretrain the source model's run
 * @param arms every target-task run
 * @param imagesPerClass image counts per folder ({@code pretrain/train}, {@code transfer/valid}, ...)
 */
public record TransferReport(TransferOptions options, Pretrain pretrain, List<Arm> arms,
        Map<String, Map<String, Integer>> imagesPerClass) {

    /** The recipe that starts from the pretrained file. */
    public static final String PRETRAINED = "pretrained-fineTune";
    /** Scratch, same {@code fineTune(epochs)} call (its first epoch trains the head only, as fastai's). */
    public static final String SCRATCH_FINE_TUNE = "scratch-fineTune";
    /** Scratch, {@code fitOneCycle(1 + epochs, scratchLr)} with every layer trained from the start. */
    public static final String SCRATCH_ONE_CYCLE = "scratch-fitOneCycle";

    /**
     * The source model's run.
     *
     * @param accuracy validation accuracy on the pretraining classes
     * @param validLoss validation loss
     * @param seconds wall time of training
     * @param weightsFile the torchvision-format file written
     * @param weightsBytes its size in bytes
     * @param torchvisionCheck result of loading it into {@code torchvision.models.resnet18(num_classes=5)} with
     *     {@code strict=True}, or why that was skipped
     */
    public record Pretrain(double accuracy, double validLoss, double seconds, String weightsFile, long weightsBytes,
            String torchvisionCheck) {}

    /**
     * One run on the target task.
     *
     * @param name the recipe ({@link #PRETRAINED}, {@link #SCRATCH_FINE_TUNE}, {@link #SCRATCH_ONE_CYCLE})
     * @param seed the learner's seed
     * @param accuracy final validation accuracy
     * @param validLoss final validation loss
     * @param seconds wall time of building and training
     */
    public record Arm(String name, long seed, double accuracy, double validLoss, double seconds) {}

    /**
     * The mean accuracy of recipe {@code name} over the seeds.
     *
     * @param name the recipe: {@link #PRETRAINED}, {@link #SCRATCH_FINE_TUNE} or {@link #SCRATCH_ONE_CYCLE}
     * @return the mean final validation accuracy (0 to 1), or empty when that recipe did not run
     */
    public OptionalDouble meanAccuracy(String name) {
        return arms.stream().filter(a -> a.name().equals(name)).mapToDouble(Arm::accuracy).average();
    }

    /**
     * Pretrained accuracy minus {@code scratch}'s, per seed in run order.
     *
     * @param scratch the scratch recipe: {@link #SCRATCH_FINE_TUNE} or {@link #SCRATCH_ONE_CYCLE}
     * @return one margin per seed for which both recipes ran, as a fraction (0.05 is 5 points); empty
     *     when the scratch recipe did not run
     */
    public double[] margins(String scratch) {
        return options.seeds().stream().mapToDouble(s -> accuracy(PRETRAINED, s) - accuracy(scratch, s))
                .filter(d -> !Double.isNaN(d)).toArray();
    }

    private double accuracy(String name, long seed) {
        return arms.stream().filter(a -> a.name().equals(name) && a.seed() == seed).mapToDouble(Arm::accuracy)
                .findFirst().orElse(Double.NaN);
    }

    /**
     * The smallest margin of the pretrained recipe over {@code scratch} across seeds.
     *
     * @param scratch the scratch recipe: {@link #SCRATCH_FINE_TUNE} or {@link #SCRATCH_ONE_CYCLE}
     * @return the smallest of {@link #margins(String)}, a fraction; NaN when it did not run
     */
    public double worstMargin(String scratch) {
        double[] m = margins(scratch);
        return m.length == 0 ? Double.NaN : java.util.Arrays.stream(m).min().getAsDouble();
    }

    /** {@return the report as pretty-printed JSON, with means, margins and worst margins added} */
    public String toJson() {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        for (String s : List.of(PRETRAINED, SCRATCH_FINE_TUNE, SCRATCH_ONE_CYCLE)) {
            meanAccuracy(s).ifPresent(v -> summary.put("meanAccuracy." + s, v));
        }
        for (String s : List.of(SCRATCH_FINE_TUNE, SCRATCH_ONE_CYCLE)) {
            double[] m = margins(s);
            if (m.length > 0) {
                summary.put("margins.vs." + s, m);
            }
        }
        for (String s : List.of(SCRATCH_FINE_TUNE, SCRATCH_ONE_CYCLE)) {
            double w = worstMargin(s);
            if (!Double.isNaN(w)) {
                summary.put("worstMargin.vs." + s, w);
            }
        }
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        all.put("benchmark", "transfer");
        all.put("options", Map.of("pretrainClasses", options.pretrainClasses(),
                "transferClasses", options.transferClasses(), "pretrainPerClass", options.pretrainPerClass(),
                "pretrainEpochs", options.pretrainEpochs(), "pretrainLr", options.pretrainLr(),
                "transferPerClass", options.transferPerClass(), "validPerClass", options.validPerClass(),
                "epochs", options.epochs(), "bs", options.bs(), "size", options.size()));
        all.put("seeds", options.seeds());
        all.put("djlThreads", System.getProperty("ai.djl.pytorch.num_threads", "DJL default"));
        all.put("scratchLr", options.scratchLr());
        all.put("imagesPerClass", imagesPerClass);
        all.put("pretrain", pretrain);
        all.put("arms", arms);
        all.put("summary", summary);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeSpecialFloatingPointValues().create().toJson(all);
    }
}
