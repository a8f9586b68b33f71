package org.fastai4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The data options shared by {@code train}, {@code lr-find} and {@code interpret}, named after fastai's. */
final class DataOptions {
    @Parameters(index = "0", paramLabel = "DATA", description = "Folder of images, one sub-folder per class (or train/ and valid/ holding those).")
    Path data;

    @Option(names = "--train", defaultValue = "train", description = "Name of the training folder (default: ${DEFAULT-VALUE}).")
    String train;

    @Option(names = "--valid", defaultValue = "valid", description = "Name of the validation folder (default: ${DEFAULT-VALUE}).")
    String valid;

    @Option(names = "--valid-pct", description = "Random validation fraction instead of train/valid folders, e.g. 0.2.")
    Double validPct;

    @Option(names = "--seed", defaultValue = "42", description = "Seed for the split, shuffling, augmentation and initialisation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "224", description = "Resize every image to SIZE×SIZE (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--resize", defaultValue = "crop", description = "Resize method: crop, pad or squish (default: ${DEFAULT-VALUE}).")
    String resize;

    @Option(names = "--aug", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "fastai's aug_transforms() on training batches (default: on; --no-aug to switch off).")
    boolean aug;

    @Option(names = "--bs", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int bs;

    @Option(names = "--workers", description = "Loader threads (default: the number of cores).")
    Integer workers;

    @Option(names = "--skip-bad", description = "Skip files that cannot be decoded (with one warning) instead of failing.")
    boolean skipBad;
}
