package org.fastai4j.vision;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.io.RawTensor;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.LearnerBuilder;
import org.fastai4j.metrics.Metric;
import org.fastai4j.vision.models.CnnModel;
import org.fastai4j.vision.models.FirstLayer;
import org.fastai4j.vision.models.HeadOptions;
import org.fastai4j.vision.models.VisionModels;
import org.fastai4j.vision.transform.Normalize;
import org.fastai4j.vision.weights.PretrainedWeights;
import org.fastai4j.vision.weights.Weights;

/**
 * fastai's {@code vision_learner}: a {@link Learner} on a body cut from {@link Arch} (pretrained on
 * ImageNet by default) with a new head from {@code createHead}, fastai's parameter groups, ImageNet
 * normalization added when pretrained (to new loaders: the caller's are not changed) and the body
 * frozen when pretrained. The number of outputs and the loss come from the data.
 */
public final class VisionLearner {
    private VisionLearner() {}

    /**
     * {@code vision_learner(dls, arch, metrics=...)} with fastai's defaults: pretrained ImageNet
     * weights (torchvision's DEFAULT version), ImageNet normalization, fastai's default head, the
     * number of outputs taken from the data's vocabulary, the body frozen.
     *
     * @param dls the image data; its batches must be N×C×H×W and, unless the number of outputs is
     *     given through the {@link #builder builder}, it must have a vocabulary
     * @param arch the architecture whose body is used (e.g. {@link Arch#RESNET34})
     * @param metrics the metrics reported after each epoch (fastai's {@code metrics}), in order;
     *     none is allowed
     * @return a new learner, to be closed by the caller
     * @throws IllegalArgumentException if the data has no vocabulary or the architecture has no
     *     ImageNet weights
     * @throws UncheckedIOException if the pretrained weights cannot be found, downloaded or read
     */
    public static Learner create(DataLoaders dls, Arch arch, Metric... metrics) {
        Builder b = builder(dls, arch);
        for (Metric m : metrics) {
            b.addMetric(m);
        }
        return b.build();
    }

    /**
     * A builder for every option of {@code vision_learner}.
     *
     * @param dls the image data (N×C×H×W batches)
     * @param arch the architecture whose body is used
     * @return a builder with fastai's defaults, to be finished with {@link Builder#build()}
     * @throws IllegalArgumentException if {@code dls} or {@code arch} is null
     */
    public static Builder builder(DataLoaders dls, Arch arch) {
        return new Builder(dls, arch);
    }

    /** Options of {@code vision_learner}; {@link #learner(java.util.function.Consumer)} gives access to the generic Learner options. */
    public static final class Builder {
        private final DataLoaders dls;
        private final Arch arch;
        private boolean pretrained = true;
        private boolean normalize = true;
        private Path weightsFile;
        private int weightsVersion;
        private Weights store;
        private Integer nOut;
        private HeadOptions head = HeadOptions.defaults();
        private final List<Metric> metrics = new ArrayList<>();
        private java.util.function.Consumer<LearnerBuilder> learnerOptions = b -> {};

        private Builder(DataLoaders dls, Arch arch) {
            if (dls == null) {
                throw new IllegalArgumentException("dls must not be null");
            }
            if (arch == null) {
                throw new IllegalArgumentException("arch must not be null; expected one of " + Arch.names());
            }
            this.dls = dls;
            this.arch = arch;
        }

        /**
         * Whether to start from ImageNet weights and freeze the body (fastai's {@code pretrained},
         * default true). With false the whole model is randomly initialised and trainable.
         *
         * @param pretrained true to load pretrained weights, false to train from scratch
         * @return this builder
         */
        public Builder optPretrained(boolean pretrained) {
            this.pretrained = pretrained;
            return this;
        }

        /**
         * Start from this local weights file instead of the store: a {@code torch.save}
         * {@code .pth} or a safetensors file with torchvision's parameter names (the classifier's
         * tensors are ignored). Implies pretrained.
         *
         * @param file the weights file; it is read by {@link #build()}
         * @return this builder
         */
        public Builder optWeights(Path file) {
            this.weightsFile = file;
            this.pretrained = true;
            return this;
        }

        /**
         * Which of torchvision's ImageNet weights to load when no file is given.
         *
         * @param version 1 for {@code IMAGENET1K_V1}, 2 for {@code IMAGENET1K_V2}, 0 (the default)
         *     for torchvision's {@code DEFAULT}, which is what fastai loads; an unknown version is
         *     refused by {@link #build()}
         * @return this builder
         */
        public Builder optWeightsVersion(int version) {
            this.weightsVersion = version;
            return this;
        }

        /**
         * Where pretrained weights are looked up and downloaded.
         *
         * @param store the weights store (default {@link Weights#defaults()}: torch hub's cache,
         *     then fastai4j's cache, then a download)
         * @return this builder
         */
        public Builder optWeightsStore(Weights store) {
            this.store = store;
            return this;
        }

        /**
         * Whether to add ImageNet normalization to the loaders when pretrained and the images have
         * 3 channels (fastai's {@code normalize}, default true). It is not added twice when the
         * loaders already normalize.
         *
         * @param normalize true to add ImageNet's mean and standard deviation as a batch transform
         * @return this builder
         */
        public Builder optNormalize(boolean normalize) {
            this.normalize = normalize;
            return this;
        }

        /**
         * The number of outputs of the head (fastai's {@code n_out}).
         *
         * @param nOut the number of outputs, at least 1 (checked by {@link #build()}); by default
         *     the size of the data's vocabulary
         * @return this builder
         */
        public Builder optNOut(int nOut) {
            this.nOut = nOut;
            return this;
        }

        /**
         * The head's options ({@code lin_ftrs}, {@code ps}, {@code concat_pool}, ...), fastai's
         * {@code create_head} arguments.
         *
         * @param head the options (default {@link HeadOptions#defaults()})
         * @return this builder
         */
        public Builder optHead(HeadOptions head) {
            this.head = head;
            return this;
        }

        /**
         * Adds a metric reported after each epoch (one of fastai's {@code metrics}).
         *
         * @param metric the metric, appended after those already added
         * @return this builder
         */
        public Builder addMetric(Metric metric) {
            metrics.add(metric);
            return this;
        }

        /**
         * Further Learner options (loss, optimizer, callbacks, path, wd, seed, silent...), applied
         * to the {@link LearnerBuilder} after the model, splitter and metrics are set.
         *
         * @param options the code that sets them; it replaces any earlier one
         * @return this builder
         */
        public Builder learner(java.util.function.Consumer<LearnerBuilder> options) {
            this.learnerOptions = options;
            return this;
        }

        /**
         * Builds the model, loads the weights, freezes the body when pretrained.
         *
         * @return a new learner, to be closed by the caller
         * @throws IllegalArgumentException if the number of outputs is unknown or below 1, the
         *     architecture has no ImageNet weights while pretrained, or the weights do not fit
         * @throws UncheckedIOException if the weights cannot be found, downloaded or read
         */
        public Learner build() {
            int n = nOut != null ? nOut : dls.vocab().map(v -> v.size()).orElseThrow(() ->
                    new IllegalArgumentException("nOut could not be inferred from the data (no vocabulary); pass optNOut"));
            if (n < 1) {
                throw new IllegalArgumentException("nOut must be at least 1, got " + n);
            }
            if (pretrained && weightsFile == null && !arch.hasImagenetWeights()) {
                throw new IllegalArgumentException(arch.id() + " has no pretrained ImageNet weights; "
                        + "use optPretrained(false) or optWeights(file)");
            }
            Map<String, RawTensor> weights = pretrained ? readWeights() : null;
            int nIn = inputChannels(dls);
            if (weights != null && nIn != 3 && arch.hasImagenetWeights()) {
                // fastai's _update_first_layer: the pretrained stem summed (1 channel) or repeated (n > 3)
                weights = FirstLayer.adaptPretrained(weights, "conv1.weight", nIn);
            }
            CnnModel cnn = arch.create(1000);
            SequentialBlock model = VisionModels.createVisionModel(cnn, arch.numFeatures(), n, head);
            // fastai's _add_norm: ImageNet statistics only for pretrained 3-channel inputs
            DataLoaders data = pretrained && normalize && nIn == 3 ? withImagenetNormalization(dls) : dls;
            LearnerBuilder lb = Learner.builder(data, model).optSplitter(VisionModels.splitter(cnn.meta().split()));
            metrics.forEach(lb::addMetric);
            learnerOptions.accept(lb);
            Learner learn = lb.build();
            learn.setExportSpec(new VisionExportSpec(arch, n, head, pretrained, normalize));
            if (weights != null) {
                try {
                    loadBody(cnn, (SequentialBlock) model.getChildren().get(0).getValue(), weights);
                } catch (RuntimeException e) {
                    learn.close();
                    throw e;
                }
                learn.freeze();
            }
            return learn;
        }

        private Map<String, RawTensor> readWeights() {
            try {
                if (weightsFile != null) {
                    return Weights.readFile(weightsFile);
                }
                Weights w = store != null ? store : Weights.defaults();
                PretrainedWeights pw = weightsVersion == 0
                        ? PretrainedWeights.defaultFor(arch.id()) : PretrainedWeights.of(arch.id(), weightsVersion);
                return w.load(pw);
            } catch (IOException e) {
                String where = weightsFile != null ? "" : "; put torchvision's file in " + Weights.torchHubDir()
                        + " or " + org.fastai4j.io.Downloads.cacheDir().resolve("models")
                        + ", pass a file (optWeights / --weights), or train from scratch (optPretrained(false) / --no-pretrained)";
                throw new UncheckedIOException("cannot load pretrained weights for " + arch.id() + ": " + e.getMessage()
                        + where, e);
            }
        }
    }

    /** The channel count of the training inputs (N×C×H×W), read from the first item. */
    static int inputChannels(DataLoaders dls) {
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(dls.train().device());
                org.fastai4j.data.Batch b = dls.train().itemsAt(new int[] {0}, m)) {
            ai.djl.ndarray.types.Shape s = b.xs().get(0).getShape();
            if (s.dimension() != 4) {
                throw new IllegalArgumentException("a vision learner needs N×C×H×W image batches, got shape " + s);
            }
            return (int) s.get(1);
        }
    }

    /** {@code dls} with ImageNet normalization appended, unless a normalization (ours or DJL's) is already there (fastai's {@code _add_norm}). */
    static DataLoaders withImagenetNormalization(DataLoaders dls) {
        for (BatchTransform t : dls.train().batchTfms()) {
            if (t.isNormalization()) {
                return dls;
            }
        }
        return dls.withBatchTransform(Normalize.fromStats(Normalize.IMAGENET_STATS));
    }

    /**
     * Copies the torchvision-named tensors into the body's parameters. The body shares its blocks
     * with the full torchvision model, so each body parameter's torchvision name is found by identity.
     */
    static void loadBody(CnnModel full, SequentialBlock body, Map<String, RawTensor> weights) {
        Map<Parameter, String> torchNames = new IdentityHashMap<>();
        StateDicts.parameters(full).forEach((name, p) -> torchNames.put(p, name));
        List<String> missing = new ArrayList<>();
        List<String> misShaped = new ArrayList<>();
        Map<Parameter, RawTensor> plan = new IdentityHashMap<>();
        for (Parameter p : StateDicts.parameters(body).values()) {
            String name = torchNames.get(p);
            RawTensor t = name == null ? null : weights.get(name);
            if (t == null) {
                missing.add(name == null ? p.getName() : name);
            } else if (!p.getArray().getShape().equals(t.djlShape())) {
                misShaped.add(name + " (file " + t.djlShape() + ", model " + p.getArray().getShape() + ")");
            } else {
                plan.put(p, t);
            }
        }
        if (!missing.isEmpty() || !misShaped.isEmpty()) {
            throw new IllegalArgumentException("the weights do not fit the " + full.getClass().getSimpleName()
                    + " body: missing " + missing + ", mis-shaped " + misShaped);
        }
        plan.forEach((p, t) -> StateDicts.copyInto(t, p.getArray()));
    }

    /**
     * fastai's {@code load_learner}: the learner exported by {@code learn.export(dir)} (a vision
     * learner's directory of {@code weights.safetensors} + {@code manifest.json}), rebuilt from the
     * manifest, ready for {@code predict(imageFile)} and {@code getPreds(files)}; see
     * {@link VisionExports}.
     *
     * @param dir the directory written by {@code learn.export(dir)}
     * @return a new learner, to be closed by the caller
     * @throws IOException if the directory is not a vision export or its weights do not fit
     */
    public static Learner loadLearner(Path dir) throws IOException {
        return VisionExports.load(dir);
    }

    /**
     * The block of a vision learner's model that holds the body (for custom uses).
     *
     * @param learn a learner made by this class (its model is the sequence body, head)
     * @return the body: the architecture cut before its pooling and classifier, shared with the
     *     learner's model (not a copy)
     */
    public static Block body(Learner learn) {
        return learn.model().getChildren().get(0).getValue();
    }
}
