package org.fastai4j.benchmarks.transfer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * @param minMargin the program fails (exit 1) when the pretrained recipe's accuracy beats the same
 *     recipe from scratch by less than this, for any seed
 */
public record TransferOptions(Path fmnist, Path work, Path out, List<String> pretrainClasses,
        List<String> transferClasses, int pretrainPerClass, int pretrainEpochs, double pretrainLr,
        int transferPerClass, int validPerClass, int epochs, int bs, int size, List<Long> seeds,
        boolean oneCycleScratch, double scratchLr, int workers, double minMargin) {

    /**
     * The defaults: Fashion-MNIST from {@code /usr/share/datasets/fashion-mnist}; pretraining on
     * Trouser, Dress, Sandal, Bag, Ankle boot with 1000 images per class, 2 epochs at 3e-3;
     * transfer to T-shirt/top, Pullover, Coat, Shirt, Sneaker with 10 images per class; 100
     * validation images per class; {@code fineTune(4)}, bs 16, 28×28 images, seed 42, the one-cycle
     * scratch arm at 1e-3, 1 worker, a required margin of 0.05 (5 accuracy points).
     */
    public static final TransferOptions DEFAULTS = new TransferOptions(Path.of("/usr/share/datasets/fashion-mnist"),
            null, null, List.of("Trouser", "Dress", "Sandal", "Bag", "Ankle_boot"),
            List.of("T-shirt_top", "Pullover", "Coat", "Shirt", "Sneaker"), 1000, 2, 3e-3, 10, 100, 4, 16, 28,
            List.of(42L), true, 1e-3, 1, 0.05);

    /**
     * Validates the values and that the two class sets are disjoint; the lists are copied.
     *
     * @param fmnist folder with Fashion-MNIST's gzipped IDX files
     * @param work folder for the image folders and the weights file, or null for a temporary folder
     *     deleted at the end
     * @param out the JSON result file, or null to print the result only
     * @param pretrainClasses the source task's class names (Fashion-MNIST's, spaces and slashes as
     *     underscores), at least 2
     * @param transferClasses the target task's class names, at least 2, none of them in
     *     {@code pretrainClasses}
     * @param pretrainPerClass training images per class for pretraining, at least 1
     * @param pretrainEpochs epochs of the pretraining {@code fitOneCycle}, at least 1
     * @param pretrainLr the pretraining cycle's maximum learning rate, positive
     * @param transferPerClass training images per class of the target task, at least 1
     * @param validPerClass validation images per class for both tasks, at least 1
     * @param epochs the unfrozen epochs of {@code fineTune(epochs)}, at least 1
     * @param bs the target task's batch size, at least 1
     * @param size the side of the square images in pixels, at least 1
     * @param seeds the seeds, one comparison each, at least one
     * @param oneCycleScratch whether to also run scratch as {@code fitOneCycle(1 + epochs, scratchLr)}
     * @param scratchLr that arm's maximum learning rate, positive
     * @param workers loader worker threads, at least 1
     * @param minMargin the smallest accuracy gain (a fraction: 0.05 is 5 points) of transfer over
     *     scratch that passes
     * @throws IllegalArgumentException if a value is out of range or a class is in both sets, naming
     *     the option
     */
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

    /** The option names {@link #parse} knows. */
    public static final List<String> NAMES = List.of("--fmnist", "--work", "--out", "--pretrain-classes",
            "--transfer-classes", "--pretrain-per-class", "--pretrain-epochs", "--pretrain-lr", "--transfer-per-class",
            "--valid-per-class", "--epochs", "--bs", "--size", "--seeds", "--one-cycle-scratch", "--scratch-lr",
            "--workers", "--min-margin");

    /**
     * Parses {@code --name value} pairs over the defaults (all values are read first, then validated
     * together); an unknown name is an error listing the known ones.
     *
     * @param args pairs of an option from {@link #NAMES} and its value, e.g. {@code --epochs 4
     *     --seeds 1,2,3}; lists are comma-separated, {@code --one-cycle-scratch} takes true or false
     * @return the options, the defaults where not given
     * @throws IllegalArgumentException if the arguments are not pairs, a name is unknown, a value
     *     does not parse or the options are invalid
     */
    public static TransferOptions parse(String... args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
        }
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!NAMES.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + String.join(" ", NAMES));
            }
            a.put(args[i], args[i + 1]);
        }
        TransferOptions d = DEFAULTS;
        return new TransferOptions(path(a, "--fmnist", d.fmnist()), path(a, "--work", d.work()),
                path(a, "--out", d.out()), list(a, "--pretrain-classes", d.pretrainClasses()),
                list(a, "--transfer-classes", d.transferClasses()),
                integer(a, "--pretrain-per-class", d.pretrainPerClass()), integer(a, "--pretrain-epochs", d.pretrainEpochs()),
                real(a, "--pretrain-lr", d.pretrainLr()), integer(a, "--transfer-per-class", d.transferPerClass()),
                integer(a, "--valid-per-class", d.validPerClass()), integer(a, "--epochs", d.epochs()),
                integer(a, "--bs", d.bs()), integer(a, "--size", d.size()),
                a.containsKey("--seeds") ? seeds(a.get("--seeds")) : d.seeds(),
                a.containsKey("--one-cycle-scratch") ? Boolean.parseBoolean(a.get("--one-cycle-scratch").toLowerCase(
                        Locale.ROOT)) : d.oneCycleScratch(),
                real(a, "--scratch-lr", d.scratchLr()), integer(a, "--workers", d.workers()),
                real(a, "--min-margin", d.minMargin()));
    }

    private static List<Long> seeds(String value) {
        try {
            return Arrays.stream(value.split(",")).map(s -> Long.parseLong(s.trim())).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds expects comma-separated integers, got '" + value + "'");
        }
    }

    private static Path path(Map<String, String> a, String name, Path dflt) {
        return a.containsKey(name) ? Path.of(a.get(name)) : dflt;
    }

    private static List<String> list(Map<String, String> a, String name, List<String> dflt) {
        return a.containsKey(name) ? Arrays.stream(a.get(name).split(",")).map(String::trim).toList() : dflt;
    }

    private static int integer(Map<String, String> a, String name, int dflt) {
        try {
            return a.containsKey(name) ? Integer.parseInt(a.get(name).trim()) : dflt;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects an integer, got '" + a.get(name) + "'");
        }
    }

    private static double real(Map<String, String> a, String name, double dflt) {
        try {
            return a.containsKey(name) ? Double.parseDouble(a.get(name).trim()) : dflt;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects a number, got '" + a.get(name) + "'");
        }
    }
}
