package org.fastai4j.learner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.io.AtomicFiles;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.Safetensors;
import org.fastai4j.io.StateDicts;
import org.fastai4j.losses.Loss;
import org.fastai4j.losses.Losses;

/**
 * fastai's {@code learn.export()} as a self-describing DIRECTORY (no pickles, no Java
 * serialization): {@code weights.safetensors} (every parameter by dotted name, the metadata of a
 * checkpoint) and {@code manifest.json}:
 * <pre>
 * format "fastai4j-export", formatVersion 1, versions {fastai4j, djl, engine, engine_version, java},
 * seed, dataSeed, bs (the validation batch size), model {kind, class, ... the {@link ExportSpec}'s
 * options, inputShapes},
 * vocab [class names in index order], loss {name, activation, decodes},
 * itemTfms [{type, ...}], batchTfms [{type, ...}] (inference only), excludedBatchTfms [descriptions]
 * </pre>
 * The directory is written beside the target under a temporary name and renamed into place (an
 * existing export is replaced only once the new one is complete); on failure an
 * {@link IOException} names the path and the previous export is intact.
 */
public final class Export {
    /** The weights file name. */
    public static final String WEIGHTS = "weights.safetensors";
    /** The manifest file name. */
    public static final String MANIFEST = "manifest.json";
    /** The format tag. */
    public static final String FORMAT = "fastai4j-export";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private Export() {}

    /**
     * Writes {@code learn}'s export to the directory {@code dir}: its weights and the
     * {@link #manifest} of the learner, replacing any export already there once the new one is
     * complete.
     *
     * @param learn the learner to export
     * @param dir the export directory; its parent must exist or be creatable
     * @return the export directory, as an absolute path
     * @throws IOException naming the path if it cannot be written, or if {@code dir} exists and is
     *     not a directory; a previous export there is then intact
     */
    public static Path write(Learner learn, Path dir) throws IOException {
        Path target = dir.toAbsolutePath();
        JsonObject manifest = manifest(learn);
        Map<String, RawTensor> weights = StateDicts.stateDict(learn.model());
        Map<String, String> meta = Checkpoints.metadata(learn);
        meta.put("format", FORMAT);
        Path parent = target.getParent();
        String tag = UUID.randomUUID().toString();
        Path tmp = parent.resolve("." + target.getFileName() + "." + tag + ".tmp");
        Path old = parent.resolve("." + target.getFileName() + "." + tag + ".old");
        try {
            Files.createDirectories(tmp);
            Safetensors.write(tmp.resolve(WEIGHTS), weights, meta);
            byte[] json = GSON.toJson(manifest).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(tmp.resolve(MANIFEST), ch -> {
                ByteBuffer b = ByteBuffer.wrap(json);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            });
            if (Files.exists(target)) {
                if (!Files.isDirectory(target)) {
                    throw new IOException(target + " exists and is not a directory");
                }
                AtomicFiles.move(target, old);
            }
            try {
                AtomicFiles.move(tmp, target);
            } catch (IOException e) {
                if (Files.exists(old)) {
                    AtomicFiles.move(old, target);
                }
                throw e;
            }
            deleteTree(old);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IOException("cannot export the learner to " + target + ": " + e, e);
        }
        return target;
    }

    /**
     * The manifest {@link #write} records for {@code learn} (the fields listed above), without
     * writing anything.
     *
     * @param learn the learner to describe; its model must be initialized
     * @return a new JSON object the caller may change
     */
    public static JsonObject manifest(Learner learn) {
        ExportSpec spec = learn.exportSpec();
        JsonObject m = new JsonObject();
        m.addProperty("format", FORMAT);
        m.addProperty("formatVersion", 1);
        m.add("versions", GSON.toJsonTree(Versions.all()));
        m.addProperty("seed", learn.seed());
        m.addProperty("dataSeed", Checkpoints.dataSeed(learn.dls().train()));
        JsonObject model = spec == null ? new JsonObject() : spec.model().deepCopy();
        model.addProperty("kind", spec == null ? "custom" : spec.kind());
        model.addProperty("class", learn.model().getClass().getName());
        model.add("inputShapes", GSON.toJsonTree(shapes(learn)));
        m.add("model", model);
        JsonArray vocab = new JsonArray();
        learn.dls().vocab().ifPresent(v -> v.items().forEach(vocab::add));
        m.add("vocab", vocab);
        JsonObject loss = new JsonObject();
        loss.addProperty("name", learn.lossFunc().name());
        loss.addProperty("activation", activationOf(learn.lossFunc().name()));
        loss.addProperty("decodes", decodesOf(learn.lossFunc().name()));
        m.add("loss", loss);
        DataLoader valid = learn.dls().valid();
        m.addProperty("bs", valid.bs());
        JsonArray items = new JsonArray();
        for (ItemTransform<?> t : valid.itemTfms()) {
            JsonObject o = spec == null ? null : spec.itemTransform(t);
            if (o == null) {
                o = new JsonObject();
                o.addProperty("type", "unknown");
            }
            o.addProperty("describe", t.describe());
            items.add(o);
        }
        m.add("itemTfms", items);
        JsonArray batch = new JsonArray();
        JsonArray excluded = new JsonArray();
        for (BatchTransform t : valid.batchTfms()) {
            JsonObject o = spec == null ? null : spec.batchTransform(t);
            if (o == null) {
                excluded.add(t.describe());
            } else {
                o.addProperty("describe", t.describe());
                batch.add(o);
            }
        }
        m.add("batchTfms", batch);
        m.add("excludedBatchTfms", excluded);
        return m;
    }

    /**
     * Reads and checks {@code dir/manifest.json}: a JSON object with the {@link #FORMAT} tag and
     * the {@code model}, {@code vocab}, {@code loss}, {@code itemTfms} and {@code batchTfms} keys.
     *
     * @param dir an export directory written by {@link #write}
     * @return the manifest
     * @throws IOException if the file is missing ({@link NoSuchFileException}), unreadable, not
     *     JSON, of another format or lacking a key; the message names the file
     */
    public static JsonObject readManifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toAbsolutePath().toString(), null, "not a fastai4j export (no "
                    + MANIFEST + ")");
        }
        JsonObject m;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new JsonParseException("not a JSON object");
            }
            m = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file.toAbsolutePath() + " is not a valid manifest: " + e.getMessage(), e);
        }
        if (!m.has("format") || !FORMAT.equals(m.get("format").getAsString())) {
            throw new IOException(file.toAbsolutePath() + ": format is " + m.get("format") + ", expected \"" + FORMAT + "\"");
        }
        for (String key : new String[] {"model", "vocab", "loss", "itemTfms", "batchTfms"}) {
            if (!m.has(key)) {
                throw new IOException(file.toAbsolutePath() + ": manifest has no '" + key + "'");
            }
        }
        return m;
    }

    /**
     * Reads {@code dir/weights.safetensors}, validated as the safetensors format requires.
     *
     * @param dir an export directory written by {@link #write}
     * @return the tensors by dotted parameter name, with the checkpoint metadata
     * @throws IOException if the file is missing, unreadable or not valid safetensors
     */
    public static Safetensors.Contents readWeights(Path dir) throws IOException {
        return Safetensors.read(dir.resolve(WEIGHTS));
    }

    /**
     * The loss named in the manifest ({@code loss.name}), rebuilt with its default options
     * (options such as a label-smoothing epsilon are not recorded).
     *
     * @param manifest a manifest read by {@link #readManifest}
     * @return the loss: one of CrossEntropyLossFlat, BCEWithLogitsLossFlat,
     *     LabelSmoothingCrossEntropyFlat, FocalLossFlat, MSELossFlat, L1LossFlat
     * @throws IllegalArgumentException if it names another loss
     */
    public static Loss loss(JsonObject manifest) {
        String name = manifest.getAsJsonObject("loss").get("name").getAsString();
        return switch (name) {
            case "CrossEntropyLossFlat" -> Losses.crossEntropyFlat();
            case "BCEWithLogitsLossFlat" -> Losses.bceWithLogitsFlat();
            case "LabelSmoothingCrossEntropyFlat" -> Losses.labelSmoothingCrossEntropy();
            case "FocalLossFlat" -> Losses.focalLoss();
            case "MSELossFlat" -> Losses.mseFlat();
            case "L1LossFlat" -> Losses.l1Flat();
            default -> throw new IllegalArgumentException("export names loss '" + name
                    + "', which cannot be rebuilt; expected one of CrossEntropyLossFlat, BCEWithLogitsLossFlat, "
                    + "LabelSmoothingCrossEntropyFlat, FocalLossFlat, MSELossFlat, L1LossFlat");
        };
    }

    private static long[][] shapes(Learner learn) {
        ai.djl.ndarray.types.Shape[] s = learn.model().getInputShapes();
        long[][] out = new long[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getShape();
        }
        return out;
    }

    private static String activationOf(String loss) {
        return switch (loss) {
            case "CrossEntropyLossFlat", "LabelSmoothingCrossEntropyFlat", "FocalLossFlat" -> "softmax";
            case "BCEWithLogitsLossFlat" -> "sigmoid";
            default -> "identity";
        };
    }

    private static String decodesOf(String loss) {
        return switch (loss) {
            case "CrossEntropyLossFlat", "LabelSmoothingCrossEntropyFlat", "FocalLossFlat" -> "argmax";
            case "BCEWithLogitsLossFlat" -> "threshold 0.5";
            default -> "identity";
        };
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }
}
