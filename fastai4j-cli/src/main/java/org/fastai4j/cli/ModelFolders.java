package org.fastai4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the exported model a user names: the export folder itself, or a run folder holding {@code model/}. */
final class ModelFolders {
    private ModelFolders() {}

    static Path resolve(Path given) {
        if (Files.isRegularFile(given.resolve("manifest.json"))) {
            return given;
        }
        if (Files.isRegularFile(given.resolve("model").resolve("manifest.json"))) {
            return given.resolve("model");
        }
        throw new UserError("no exported model at " + given
                + " (expected manifest.json and weights.safetensors, as `fastai4j train` writes in <run>/model)");
    }
}
