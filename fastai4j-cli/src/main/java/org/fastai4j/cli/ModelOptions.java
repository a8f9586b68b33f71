package org.fastai4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model options shared by {@code train} and {@code lr-find}. */
final class ModelOptions {
    @Option(names = "--arch", defaultValue = "resnet34", description = "Architecture: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).", completionCandidates = ArchNames.class)
    String arch;

    @Option(names = "--pretrained", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start from ImageNet weights (default: on; --no-pretrained to train from scratch).")
    boolean pretrained;

    @Option(names = "--weights", description = "A local weights file (.pth from torch.save, or .safetensors) to start from.")
    Path weights;
}
