package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.ThreadedDataLoader;
import org.fastai4j.io.AtomicFiles;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.Safetensors;
import org.fastai4j.io.StateDicts;
import org.fastai4j.optim.Optimizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code learn.save(name, with_opt)} / {@code learn.load(name, with_opt, strict)}, in
 * safetensors instead of pickles. Files, in {@code learn.path()} ({@code basePath/models}):
 * <ul>
 *   <li>{@code name.safetensors}: every model parameter (running statistics included) under its
 *       torch-style dotted name ({@link StateDicts});
 *   <li>{@code name.opt.safetensors}: the optimizer state ({@link Optimizer#stateDict()}), when
 *       saved with the optimizer.
 * </ul>
 * Both carry the same metadata ({@link #METADATA_KEYS}): format, a checkpoint id shared by the
 * pair, the learner's seed ({@code "none"} if unset), the training loader's seed, the epoch
 * position ({@code epoch}: the learner's epoch counter when saved, i.e. the epoch just finished when
 * SaveModel saves at {@code after_epoch}, so a resumed run passes {@code startEpoch = epoch + 1};
 * {@code n_epoch}; {@code train_iter}) and the versions.
 *
 * <p>Safety: each file is written to a temporary file in the folder, forced to disk and renamed
 * ({@link AtomicFiles}); the optimizer file is renamed first, the weights last, so a crash leaves
 * the previous weights intact. A failed save (unwritable folder, disk full) throws an
 * {@link IOException} naming the path, with the previous files and the learner unchanged. Stale
 * temporary files of this pattern ({@code .*.safetensors*.tmp}) left by a killed process are deleted
 * by the next save and by {@link #cleanStale}. A load reads both files completely, validates, then
 * changes the model; if the optimizer state is refused the weights are put back.
 */
public final class Checkpoints {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    /** The format tag in the metadata. */
    public static final String FORMAT = "fastai4j-checkpoint";
    /** Metadata keys written (versions come from {@link Versions#all()}). */
    public static final String[] METADATA_KEYS = {"format", "checkpoint_id", "seed", "data_seed", "epoch",
        "n_epoch", "train_iter", "fastai4j", "djl", "engine", "engine_version", "java"};

    private Checkpoints() {}

    /**
     * The weights file of checkpoint {@code name}.
     *
     * @param learn the learner whose {@link Learner#path()} holds the checkpoints
     * @param name the checkpoint name, a plain file name without extension
     * @return {@code learn.path()/name.safetensors} (it need not exist)
     * @throws IllegalArgumentException if {@code name} is blank, contains a path separator or starts with a dot
     */
    public static Path modelFile(Learner learn, String name) {
        return learn.path().resolve(checkName(name) + ".safetensors");
    }

    /**
     * The optimizer-state file of checkpoint {@code name}.
     *
     * @param learn the learner whose {@link Learner#path()} holds the checkpoints
     * @param name the checkpoint name, a plain file name without extension
     * @return {@code learn.path()/name.opt.safetensors} (it need not exist)
     * @throws IllegalArgumentException if {@code name} is blank, contains a path separator or starts with a dot
     */
    public static Path optFile(Learner learn, String name) {
        return learn.path().resolve(checkName(name) + ".opt.safetensors");
    }

    /**
     * Saves the weights, and the optimizer state when {@code withOpt} and there is one, creating
     * {@link Learner#path()} if needed; any existing files of that name are replaced.
     *
     * @param learn the learner to save
     * @param name the checkpoint name, a plain file name without extension (e.g. {@code "stage-1"})
     * @param withOpt whether to save the optimizer state too (fastai's {@code with_opt}); nothing is
     *     written for it when the learner has no optimizer yet
     * @return the weights file, {@code learn.path()/name.safetensors}
     * @throws IOException naming the path if a file cannot be written (the previous files and the
     *     learner are then unchanged)
     * @throws IllegalArgumentException if {@code name} is blank, contains a path separator or starts with a dot
     */
    public static Path save(Learner learn, String name, boolean withOpt) throws IOException {
        Path file = modelFile(learn, name);
        Path optFile = optFile(learn, name);
        Map<String, String> meta = metadata(learn);
        Map<String, RawTensor> weights = StateDicts.stateDict(learn.model());
        Map<String, RawTensor> optState = null;
        Optimizer opt = learn.opt();
        if (withOpt && opt != null) {
            Map<String, NDArray> state = opt.stateDict();
            optState = new LinkedHashMap<>();
            try {
                for (Map.Entry<String, NDArray> e : state.entrySet()) {
                    optState.put(e.getKey(), RawTensor.of(e.getValue()));
                }
            } finally {
                state.values().forEach(NDArray::close);
            }
        }
        String stage = "." + UUID.randomUUID() + ".staged";
        Path stagedWeights = file.resolveSibling("." + file.getFileName() + stage + ".tmp");
        Path stagedOpt = optFile.resolveSibling("." + optFile.getFileName() + stage + ".tmp");
        try {
            Files.createDirectories(learn.path());
            cleanStale(learn.path());
            Safetensors.write(stagedWeights, weights, meta);
            if (optState != null) {
                Safetensors.write(stagedOpt, optState, meta);
                AtomicFiles.move(stagedOpt, optFile);
            }
            AtomicFiles.move(stagedWeights, file);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(stagedWeights);
            deleteQuietly(stagedOpt);
            throw new IOException("cannot save checkpoint '" + name + "' to " + file.toAbsolutePath() + ": " + e, e);
        }
        return file;
    }

    /**
     * Loads checkpoint {@code name} in place: every parameter by name and shape ({@code strict}:
     * none missing or unexpected) and, when {@code withOpt}, the optimizer state (created first if
     * needed, as fastai). A missing optimizer file, or one from another save, is a warning, as fastai.
     *
     * @param learn the learner to load into; its model must have the saved architecture
     * @param name the checkpoint name given to {@link #save}
     * @param withOpt whether to load the optimizer state too (fastai's {@code with_opt})
     * @param strict whether every model parameter must be in the file and nothing else (fastai's
     *     {@code strict}); when false, missing and unexpected names are ignored, but shapes must match
     * @throws IOException if the weights file is missing ({@link NoSuchFileException} naming the
     *     folder), or a file cannot be read or is not valid safetensors
     * @throws IllegalArgumentException if the weights do not fit the model (nothing is changed) or
     *     the optimizer refuses the saved state (the weights are then put back)
     */
    public static void load(Learner learn, String name, boolean withOpt, boolean strict) throws IOException {
        Path file = modelFile(learn, name);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null,
                    "no checkpoint named '" + name + "' in " + learn.path().toAbsolutePath());
        }
        Safetensors.Contents weights = Safetensors.read(file);
        Path optFile = optFile(learn, name);
        Safetensors.Contents optState = null;
        if (withOpt) {
            if (!Files.exists(optFile)) {
                LOG.warn("Saved checkpoint {} has no optimizer state ({} is missing)", file, optFile);
            } else {
                optState = Safetensors.read(optFile);
                String a = weights.metadata().get("checkpoint_id");
                String b = optState.metadata().get("checkpoint_id");
                if (a == null || !a.equals(b)) {
                    LOG.warn("{} is from another save than {} (checkpoint id {} vs {}): optimizer state not loaded",
                            optFile, file, b, a);
                    optState = null;
                }
            }
        }
        Map<String, RawTensor> before = StateDicts.stateDict(learn.model());
        StateDicts.load(learn.model(), weights.tensors(), strict);
        if (optState == null) {
            return;
        }
        try (NDManager scope = learn.manager().newSubManager()) {
            if (learn.opt() == null) {
                learn.createOpt();
            }
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            optState.tensors().forEach((k, v) -> arrays.put(k, v.toNDArray(scope)));
            learn.opt().loadStateDict(arrays);
        } catch (RuntimeException e) {
            StateDicts.load(learn.model(), before, true);
            throw new IllegalArgumentException("cannot load the optimizer state of " + optFile + ": "
                    + e.getMessage() + " (weights left unchanged)", e);
        }
    }

    /**
     * The metadata of checkpoint {@code name}, read from its weights file.
     *
     * @param learn the learner whose {@link Learner#path()} holds the checkpoints
     * @param name the checkpoint name
     * @return the metadata by key ({@link #METADATA_KEYS}: format, checkpoint id, seed, data seed,
     *     epoch, n_epoch, train_iter and versions), all as strings
     * @throws IOException if the file is missing, cannot be read or is not valid safetensors
     */
    public static Map<String, String> readMetadata(Learner learn, String name) throws IOException {
        return Safetensors.read(modelFile(learn, name)).metadata();
    }

    /**
     * Deletes the temporary files a killed save may have left in {@code dir} (names starting with
     * a dot, containing {@code .safetensors} and ending in {@code .tmp}). Call it only when no
     * save into {@code dir} is running.
     *
     * @param dir the checkpoint folder; a missing folder has nothing to clean
     * @return the number of files deleted
     * @throws IOException if the folder cannot be listed or a file cannot be deleted
     */
    public static int cleanStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.safetensors*.tmp")) {
            for (Path p : ds) {
                if (Files.deleteIfExists(p)) {
                    LOG.info("Deleted a stale temporary checkpoint file {}", p);
                    n++;
                }
            }
        }
        return n;
    }

    static Map<String, String> metadata(Learner learn) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("checkpoint_id", UUID.randomUUID().toString());
        m.put("seed", learn.seed() == null ? "none" : Long.toString(learn.seed()));
        Long dataSeed = dataSeed(learn.dls().train());
        m.put("data_seed", dataSeed == null ? "none" : Long.toString(dataSeed));
        m.put("epoch", Integer.toString(learn.epoch()));
        m.put("n_epoch", Integer.toString(learn.nEpoch()));
        m.put("train_iter", Integer.toString(learn.trainIter()));
        m.putAll(Versions.all());
        return m;
    }

    static Long dataSeed(DataLoader dl) {
        return dl instanceof ThreadedDataLoader t ? t.seed() : null;
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("checkpoint name must be a plain file name not starting with '.', got '"
                    + name + "'");
        }
        return name;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }
}
