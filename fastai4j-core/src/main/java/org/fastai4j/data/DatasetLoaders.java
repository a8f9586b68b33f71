package org.fastai4j.data;

import ai.djl.Device;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.Pipeline;
import ai.djl.translate.Transform;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DataLoaders} over two DJL {@link RandomAccessDataset}s, fastai's {@code
 * DataLoaders.from_dsets}. The vocabulary is read from the training dataset ({@code getSynset()}
 * or {@code getClasses()}, as DJL's {@code ImageFolder} has; through the parts of {@code
 * randomSplit}), or given with {@link Builder#optVocab}.
 *
 * <p><b>The transform rule.</b> DJL's {@code randomSplit} gives every part the parent's pipeline,
 * so training augmentation would also run on the validation part. Here each dataset's own DJL
 * pipeline is applied to its records in the worker, except that on the <em>validation</em> side
 * the transforms whose class name starts with {@code Random} (DJL's augmentation:
 * {@code RandomResizedCrop}, {@code RandomFlipLeftRight}, ...) are left out (logged once). To be
 * explicit instead, set {@code optUseDatasetPipeline(false)} and give {@link
 * Builder#addItemTfms} (both sides, deterministic) and {@link Builder#addTrainItemTfms}
 * (training only). Batch transforms run on the device for both sides and receive {@code
 * training} in their context; a {@link IntToFloat} is always added (order 10).
 */
public final class DatasetLoaders {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetLoaders.class);

    private DatasetLoaders() {}

    /**
     * {@return a builder over a training and a validation dataset}
     *
     * @param train the training dataset
     * @param valid the validation dataset
     */
    public static Builder builder(RandomAccessDataset train, RandomAccessDataset valid) {
        return new Builder(train, valid);
    }

    /**
     * {@return the class names a DJL dataset exposes, if any (unwrapping {@code randomSplit} parts)}
     *
     * @param dataset the DJL dataset
     */
    public static Optional<Vocab> vocabOf(RandomAccessDataset dataset) {
        Object ds = dataset;
        for (int depth = 0; depth < 8 && ds != null; depth++) {
            if (ds instanceof VocabSource vs) {
                return Optional.of(new Vocab(vs.classNames()));
            }
            for (String name : List.of("getSynset", "getClasses")) {
                try {
                    Method m = ds.getClass().getMethod(name);
                    Object names = m.invoke(ds);
                    if (names instanceof List<?> list && !list.isEmpty()) {
                        return Optional.of(new Vocab(list.stream().map(String::valueOf).toList()));
                    }
                } catch (NoSuchMethodException e) {
                    // try the next way
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.debug("Cannot read {} of {}", name, ds.getClass(), e);
                }
            }
            ds = field(ds, "dataset").orElse(null); // DJL's private SubDataset wrappers
        }
        return Optional.empty();
    }

    /** The transforms of a dataset's DJL pipeline (empty when it has none). */
    static List<Transform> pipelineOf(RandomAccessDataset dataset) {
        Optional<Object> p = field(dataset, "pipeline");
        return p.map(o -> ((Pipeline) o).getTransforms()).map(List::copyOf).orElse(List.of());
    }

    private static Optional<Object> field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return Optional.ofNullable(f.get(target));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean trainingOnly(Transform t) {
        return t.getClass().getSimpleName().startsWith("Random");
    }

    /** Builds the loaders; {@link #build()} validates. */
    public static final class Builder {
        private final RandomAccessDataset train;
        private final RandomAccessDataset valid;
        private LoaderOptions options = LoaderOptions.defaults();
        private boolean useDatasetPipeline = true;
        private final List<ItemTransform<HostTensor>> itemTfms = new ArrayList<>();
        private final List<ItemTransform<HostTensor>> trainItemTfms = new ArrayList<>();
        private final List<BatchTransform> batchTfms = new ArrayList<>();
        private Vocab vocab;

        private Builder(RandomAccessDataset train, RandomAccessDataset valid) {
            this.train = Objects.requireNonNull(train, "train");
            this.valid = Objects.requireNonNull(valid, "valid");
        }

        /**
         * The batch size (default 64).
         *
         * @param bs the batch size, >= 1
         * @return this builder
         */
        public Builder optBs(int bs) {
            options = options.withBs(bs);
            return this;
        }

        /**
         * Worker threads per loader.
         *
         * @param workers the number of worker threads, >= 0
         * @return this builder
         */
        public Builder optWorkers(int workers) {
            options = options.withWorkers(workers);
            return this;
        }

        /**
         * The run seed (default 42).
         *
         * @param seed the run seed
         * @return this builder
         */
        public Builder optSeed(long seed) {
            options = options.withSeed(seed);
            return this;
        }

        /**
         * The device of the batches.
         *
         * @param device the device the batches are created on; null for {@code Devices.defaultDevice()}
         * @return this builder
         */
        public Builder optDevice(Device device) {
            options = options.withDevice(device);
            return this;
        }

        /**
         * Whether each dataset's own DJL pipeline is applied (default true; see the class doc).
         *
         * @param use whether to apply it
         * @return this builder
         */
        public Builder optUseDatasetPipeline(boolean use) {
            this.useDatasetPipeline = use;
            return this;
        }

        /**
         * DJL transforms applied to the items of both sets (after the dataset pipeline).
         *
         * @param tfms DJL transforms, applied in the given order to every item
         * @return this builder
         */
        public Builder addItemTfms(Transform... tfms) {
            for (Transform t : tfms) {
                itemTfms.add(DjlTransforms.item(t));
            }
            return this;
        }

        /**
         * DJL transforms applied to the training items only (augmentation).
         *
         * @param tfms DJL transforms, applied in the given order to training items after the shared ones
         * @return this builder
         */
        public Builder addTrainItemTfms(Transform... tfms) {
            for (Transform t : tfms) {
                trainItemTfms.add(DjlTransforms.item(t));
            }
            return this;
        }

        /**
         * Batch transforms (both sets; random ones act only when {@code ctx.training()}).
         *
         * @param tfms the batch transforms, run in ascending {@link BatchTransform#order()}
         * @return this builder
         */
        public Builder addBatchTfms(BatchTransform... tfms) {
            batchTfms.addAll(List.of(tfms));
            return this;
        }

        /**
         * The vocabulary, when the dataset does not expose its class names.
         *
         * @param vocab the class names in class-index order
         * @return this builder
         */
        public Builder optVocab(Vocab vocab) {
            this.vocab = Objects.requireNonNull(vocab, "vocab");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the loaders
         */
        public DataLoaders build() {
            if (train.size() == 0) {
                throw new IllegalArgumentException("The training dataset is empty");
            }
            List<Transform> trainPipe = useDatasetPipeline ? pipelineOf(train) : List.of();
            List<Transform> validPipe = new ArrayList<>();
            if (useDatasetPipeline) {
                List<String> dropped = new ArrayList<>();
                for (Transform t : pipelineOf(valid)) {
                    if (trainingOnly(t)) {
                        dropped.add(t.getClass().getSimpleName());
                    } else {
                        validPipe.add(t);
                    }
                }
                if (!dropped.isEmpty()) {
                    LOG.info("Not applying training-only transforms {} of the dataset pipeline to"
                            + " the validation set", dropped);
                }
            }
            List<ItemTransform<HostTensor>> trainHost = new ArrayList<>(itemTfms);
            trainHost.addAll(trainItemTfms);
            Vocab v = vocab != null ? vocab : vocabOf(train).orElse(null);
            List<BatchTransform> batch = new ArrayList<>(batchTfms);
            batch.add(IntToFloat.create());
            ThreadedDataLoader.Builder tb = loader(
                    new DatasetSource(train, trainPipe, trainHost, v != null), true, batch);
            ThreadedDataLoader.Builder vb = loader(
                    new DatasetSource(valid, validPipe, itemTfms, v != null), false, batch);
            if (v != null) {
                tb.optVocab(v);
                vb.optVocab(v);
            }
            return new DataLoaders(tb.build(), vb.build());
        }

        private ThreadedDataLoader.Builder loader(ItemSource src, boolean training,
                List<BatchTransform> batch) {
            return ThreadedDataLoader.builder(src).setBs(options.bs()).optTraining(training)
                    .optSeed(options.seed()).optWorkers(options.workers())
                    .optPrefetch(options.prefetch()).optDevice(options.device())
                    .optBatchTfms(batch);
        }
    }
}
