package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.fastai4j.io.Safetensors;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.Learner;
import org.fastai4j.optim.Optimizer;

/**
 * The checkpoints {@link SaveModel} writes, as fastai's {@code learn.save(name, with_opt)} /
 * {@code learn.load(name, with_opt)}: the model's parameters (running statistics included) by
 * dotted name in {@code learn.path()/name.safetensors}, and the optimizer state in {@code
 * name.opt.safetensors} beside it; each written to a temporary file and renamed. (The learner has
 * no save/load of its own yet; when it does, SaveModel should call it instead.)
 */
final class Checkpoints {

    private static final Map<String, String> METADATA = Map.of("format", "fastai4j-checkpoint");

    private Checkpoints() {}

    static Path modelFile(Learner learn, String name) {
        return learn.path().resolve(name + ".safetensors");
    }

    static Path optFile(Learner learn, String name) {
        return learn.path().resolve(name + ".opt.safetensors");
    }

    /** Saves the model (and the optimizer state when {@code withOpt} and there is one); returns the model file. */
    static Path save(Learner learn, String name, boolean withOpt) throws IOException {
        Path file = modelFile(learn, name);
        Files.createDirectories(file.getParent());
        Safetensors.write(file, StateDicts.stateDict(learn.model()), METADATA);
        Optimizer opt = learn.opt();
        if (withOpt && opt != null) {
            Map<String, NDArray> state = opt.stateDict();
            try {
                Safetensors.writeArrays(optFile(learn, name), state, METADATA);
            } finally {
                state.values().forEach(NDArray::close);
            }
        }
        return file;
    }

    /**
     * Loads the model saved under {@code name} in place (every parameter must match by name and
     * shape) and, when {@code withOpt} and the file exists, the optimizer state.
     */
    static void load(Learner learn, String name, boolean withOpt) throws IOException {
        Path file = modelFile(learn, name);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no checkpoint named '" + name + "' in " + learn.path());
        }
        StateDicts.load(learn.model(), Safetensors.read(file).tensors(), true);
        Path optFile = optFile(learn, name);
        if (withOpt && learn.opt() != null && Files.exists(optFile)) {
            try (NDManager scope = learn.manager().newSubManager()) {
                learn.opt().loadStateDict(Safetensors.read(optFile, scope));
            }
        }
    }
}
