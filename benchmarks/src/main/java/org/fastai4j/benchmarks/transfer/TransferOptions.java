package org.fastai4j.benchmarks.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The settings of {@link TransferBenchmark}, parsed from {@code --name value} arguments; every one
 * has a default sized for a slow shared 2-core machine (a few minutes in all).
 *
 * @param fmnist folder with Fashion-MNIST's gzipped IDX files
 * @param work folder for the image folders and the weights file (null: a temp folder, deleted after)
 * @param out JSON result file (null: printed only)
 * @param pretrainClasses the five classes the source model is trained on
 * @param transferClasses the other classes, the target task
 * @param pretrainPerClass training images per class for pretraining
 * @param pretrainEpochs epochs of {@code fitOneCycle} for pretraining
 * @param pretrainLr the maximum learning rate of that cycle
 * @param transferPerClass training images per class for the target task ("little data")
 * @param validPerClass validation images per class (official test split), both tasks
 * @param epochs the {@code fineTune(epochs)} argument (plus fastai's one frozen epoch)
 * @param bs batch size of the target task
 * @param size images are resized to size×size
 * @param seeds one transfer/scratch comparison per seed (the pretrained model uses the first)
 * @param oneCycleScratch also run scratch as {@code fitOneCycle(1 + epochs, lr)} with nothing frozen
 * @param scratchLr the learning rate of that extra arm
 * @param workers loader worker threads
 * @param minMargin the program fails (exit 1) when the pretrained recipe's accuracy beats a scratch
 *     recipe by less than this, for any seed
 */
public record TransferOptions(Path fmnist, Path work, Path out, List<String> pretrainClasses,
        List<String> transferClasses, int pretrainPerClass, int pretrainEpochs, double pretrainLr,
        int transferPerClass, int validPerClass, int epochs, int bs, int size, List<Long> seeds,
        boolean oneCycleScratch, double scratchLr, int workers, double minMargin) {

    /** The defaults. */
    public static final TransferOptions DEFAULTS = new TransferOptions(Path.of("/usr/share/datasets/fashion-mnist"),
            null, null, List.of("Trouser", "Dress", "Sandal", "Bag", "Ankle_boot"),
            List.of("T-shirt_top", "Pullover", "Coat", "Shirt", "Sneaker"), 1000, 2, 3e-3, 30, 100, 4, 16, 28,
            List.of(42L), true, 1e-3, 1, 0.05);

    /** Validates the values and that the two class sets are disjoint. */
    public TransferOptions {
        pretrainClasses = List.copyOf(pretrainClasses);
        transferClasses = List.copyOf(transferClasses);
        seeds = List.copyOf(seeds);
        for (String c : transferClasses) {
            if (pretrainClasses.contains(c)) {
                throw new IllegalArgumentException("class '" + c + "' is in both --pretrain-classes and"
                        + " --transfer-classes; the two sets must be disjoint");
            }
        }
        positive("pretrain-per-class", pretrainPerClass);
        positive("pretrain-epochs", pretrainEpochs);
        positive("transfer-per-class", transferPerClass);
        positive("valid-per-class", validPerClass);
        positive("epochs", epochs);
        positive("bs", bs);
        positive("size", size);
        positive("workers", workers);
        if (pretrainClasses.size() < 2 || transferClasses.size() < 2) {
            throw new IllegalArgumentException("each class set needs at least 2 classes, got " + pretrainClasses
                    + " and " + transferClasses);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds needs at least one seed");
        }
        if (!(pretrainLr > 0) || !(scratchLr > 0)) {
            throw new IllegalArgumentException("learning rates must be positive, got " + pretrainLr + ", " + scratchLr);
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + v);
        }
    }

    /** Parses {@code --name value} pairs over the defaults; unknown names are an error listing the known ones. */
    public static TransferOptions parse(String... args) {
        TransferOptions o = DEFAULTS;
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
        }
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            o = switch (args[i]) {
                case "--fmnist" -> o.with(0, Path.of(v));
                case "--work" -> o.with(1, Path.of(v));
                case "--out" -> o.with(2, Path.of(v));
                case "--pretrain-classes" -> o.with(3, List.of(v.split(",")));
                case "--transfer-classes" -> o.with(4, List.of(v.split(",")));
                case "--pretrain-per-class" -> o.with(5, Integer.parseInt(v));
                case "--pretrain-epochs" -> o.with(6, Integer.parseInt(v));
                case "--pretrain-lr" -> o.with(7, Double.parseDouble(v));
                case "--transfer-per-class" -> o.with(8, Integer.parseInt(v));
                case "--valid-per-class" -> o.with(9, Integer.parseInt(v));
                case "--epochs" -> o.with(10, Integer.parseInt(v));
                case "--bs" -> o.with(11, Integer.parseInt(v));
                case "--size" -> o.with(12, Integer.parseInt(v));
                case "--seeds" -> o.with(13, Arrays.stream(v.split(",")).map(Long::parseLong).toList());
                case "--one-cycle-scratch" -> o.with(14, Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
                case "--scratch-lr" -> o.with(15, Double.parseDouble(v));
                case "--workers" -> o.with(16, Integer.parseInt(v));
                case "--min-margin" -> o.with(17, Double.parseDouble(v));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; known: --fmnist --work"
                        + " --out --pretrain-classes --transfer-classes --pretrain-per-class --pretrain-epochs"
                        + " --pretrain-lr --transfer-per-class --valid-per-class --epochs --bs --size --seeds"
                        + " --one-cycle-scratch --scratch-lr --workers --min-margin");
            };
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private TransferOptions with(int field, Object v) {
        List<Object> f = new ArrayList<>(Arrays.asList(fmnist, work, out, pretrainClasses, transferClasses,
                pretrainPerClass, pretrainEpochs, pretrainLr, transferPerClass, validPerClass, epochs, bs, size,
                seeds, oneCycleScratch, scratchLr, workers, minMargin));
        f.set(field, v);
        return new TransferOptions((Path) f.get(0), (Path) f.get(1), (Path) f.get(2), (List<String>) f.get(3),
                (List<String>) f.get(4), (int) f.get(5), (int) f.get(6), (double) f.get(7), (int) f.get(8),
                (int) f.get(9), (int) f.get(10), (int) f.get(11), (int) f.get(12), (List<Long>) f.get(13),
                (boolean) f.get(14), (double) f.get(15), (int) f.get(16), (double) f.get(17));
    }
}
