package org.fastai4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How {@code train} fits: recipe, epochs, learning rate, metrics and output. */
final class FitOptions {
    @Option(names = "--epochs", defaultValue = "1", description = "Epochs (for fine-tune: after the frozen epochs) (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", description = "Learning rate (default: fastai's: 2e-3 for fine-tune, 1e-3 otherwise, or the LR finder's valley with --lr-find).")
    Double lr;

    @Option(names = "--fit", description = "one-cycle, fine-tune or flat-cos (default: fine-tune when pretrained, else one-cycle).")
    String fit;

    @Option(names = "--freeze-epochs", defaultValue = "1", description = "Frozen epochs of fine-tune (default: ${DEFAULT-VALUE}).")
    int freezeEpochs;

    @Option(names = "--lr-find", description = "Run the LR finder first; its valley is the learning rate unless --lr is given.")
    boolean lrFind;

    @Option(names = "--metrics", split = ",", defaultValue = "error_rate", description = "Comma-separated metrics by fastai's names (default: ${DEFAULT-VALUE}).")
    java.util.List<String> metrics;

    @Option(names = "--out", description = "Run folder (default: runs/<timestamp>).")
    Path out;

    @Option(names = "--json", description = "Print result.json to standard output at the end.")
    boolean json;
}
