package org.fastai4j.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code DataBlock}: blocks (input and target), {@code getItems}, {@code splitter},
 * {@code getX}/{@code getY}, item and batch transforms. {@link #dataloaders} gets the items of a
 * source, splits them, builds the target's vocabulary from the training labels only, encodes every
 * label (a label found only in the validation set is an error naming it and the item), checks
 * that inputs which are file paths exist (an error naming the missing files), and returns
 * a training and a validation {@link ThreadedDataLoader}.
 */
public final class DataBlock {
    private static final Logger LOG = LoggerFactory.getLogger(DataBlock.class);

    private final InputBlock inputBlock;
    private final TargetBlock targetBlock;
    private final Function<Object, ? extends List<?>> getItems;
    private final Splitter splitter;
    private final Function<Object, Object> getX;
    private final Function<Object, Object> getY;
    private final List<ItemTransform<?>> itemTfms;
    private final List<BatchTransform> batchTfms;

    private DataBlock(Builder b) {
        this.inputBlock = b.inputBlock;
        this.targetBlock = b.targetBlock;
        this.getItems = b.getItems;
        this.splitter = b.splitter;
        this.getX = b.getX;
        this.getY = b.getY;
        List<ItemTransform<?>> sorted = new ArrayList<>(b.itemTfms);
        sorted.sort(Comparator.comparingInt(ItemTransform::order));
        this.itemTfms = List.copyOf(sorted);
        this.batchTfms = List.copyOf(b.batchTfms);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The item transforms, sorted by order. */
    public List<ItemTransform<?>> itemTfms() {
        return itemTfms;
    }

    /** The batch transforms: the input block's, then the user's (the loader sorts by order). */
    public List<BatchTransform> batchTfms() {
        List<BatchTransform> all = new ArrayList<>(inputBlock.batchTfms());
        all.addAll(batchTfms);
        return all;
    }

    /** The items of {@code source}, without the bad ones when {@code skipBad}. */
    public List<?> items(Object source, boolean skipBad) {
        List<?> items = getItems.apply(source);
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("getItems found no items in " + source);
        }
        if (!skipBad) {
            return items;
        }
        List<Optional<String>> checks = items.parallelStream()
                .map(item -> inputBlock.check(getX.apply(item))).toList();
        List<String> problems = new ArrayList<>();
        List<Object> good = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (checks.get(i).isPresent()) {
                problems.add(checks.get(i).get());
            } else {
                good.add(items.get(i));
            }
        }
        if (!problems.isEmpty()) {
            LOG.warn("Skipping {} item(s) that cannot be loaded:\n  {}", problems.size(),
                    String.join("\n  ", problems));
        }
        if (good.isEmpty()) {
            throw new IllegalArgumentException("Every item of " + source + " is bad: " + problems);
        }
        return good;
    }

    /** Builds the training and validation loaders of {@code source} with batch size {@code bs}. */
    public DataLoaders dataloaders(Object source, int bs) {
        return dataloaders(source, LoaderOptions.defaults().withBs(bs));
    }

    /** Builds the training and validation loaders of {@code source}. */
    public DataLoaders dataloaders(Object source, LoaderOptions options) {
        List<?> items = items(source, options.skipBad());
        Split split = splitter.split(items);
        checkSplit(split, items.size());
        if (split.train().length == 0) {
            throw new IllegalArgumentException("The splitter put no item of " + source
                    + " in the training set (" + items.size() + " items)");
        }
        List<Object> trainLabels = new ArrayList<>();
        for (int i : split.train()) {
            trainLabels.add(getY.apply(items.get(i)));
        }
        TargetBlock.Encoder encoder = targetBlock.setup(trainLabels);
        BlockSource train = source(items, split.train(), trainLabels, encoder, "training");
        List<Object> validLabels = new ArrayList<>();
        for (int i : split.valid()) {
            validLabels.add(getY.apply(items.get(i)));
        }
        BlockSource valid = source(items, split.valid(), validLabels, encoder, "validation");
        ThreadedDataLoader.Builder tb = ThreadedDataLoader.builder(train).setBs(options.bs())
                .optTraining(true).optSeed(options.seed()).optWorkers(options.workers())
                .optPrefetch(options.prefetch()).optDevice(options.device())
                .optBatchTfms(batchTfms());
        encoder.vocab().ifPresent(tb::optVocab);
        ThreadedDataLoader trainDl = tb.build();
        ThreadedDataLoader.Builder vb = ThreadedDataLoader.builder(valid).setBs(options.bs())
                .optTraining(false).optSeed(options.seed()).optWorkers(options.workers())
                .optPrefetch(options.prefetch()).optDevice(trainDl.device())
                .optBatchTfms(batchTfms());
        encoder.vocab().ifPresent(vb::optVocab);
        return new DataLoaders(trainDl, vb.build());
    }

    private BlockSource source(List<?> items, int[] idx, List<Object> labels,
            TargetBlock.Encoder encoder, String split) {
        List<Object> xs = new ArrayList<>(idx.length);
        List<HostTensor> ys = new ArrayList<>(idx.length);
        for (int k = 0; k < idx.length; k++) {
            Object x = getX.apply(items.get(idx[k]));
            xs.add(x);
            try {
                ys.add(encoder.encode(labels.get(k)));
            } catch (IllegalArgumentException e) {
                String where = split.equals("validation")
                        ? " (a label that appears only in the validation set)" : "";
                throw new IllegalArgumentException("Cannot encode the label of "
                        + inputBlock.describe(x) + " in the " + split + " set" + where + ": "
                        + e.getMessage(), e);
            }
        }
        checkFilesExist(xs, split);
        return new BlockSource(inputBlock, xs, ys, itemTfms);
    }

    /**
     * Inputs that are file paths must exist: a CSV or list naming a missing file is an error here,
     * when the loaders are built, not in the middle of an epoch.
     */
    private static void checkFilesExist(List<Object> xs, String split) {
        List<String> missing = new ArrayList<>();
        for (Object x : xs) {
            Path p = x instanceof Path path ? path : x instanceof java.io.File f ? f.toPath() : null;
            if (p != null && !Files.exists(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(missing.size() + " file(s) of the " + split
                    + " set do not exist: " + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", ..." : ""));
        }
    }

    private static void checkSplit(Split split, int n) {
        boolean[] seen = new boolean[n];
        for (int[] part : List.of(split.train(), split.valid())) {
            for (int i : part) {
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("The splitter returned index " + i
                            + " outside 0.." + (n - 1));
                }
                if (seen[i]) {
                    throw new IllegalArgumentException("The splitter put item " + i
                            + " in the training and validation sets (or twice)");
                }
                seen[i] = true;
            }
        }
    }

    /** Builds a {@link DataBlock}; {@link #build()} names the missing field. */
    public static final class Builder {
        private InputBlock inputBlock;
        private TargetBlock targetBlock;
        private Function<Object, ? extends List<?>> getItems;
        private Splitter splitter = Splitters.random(0.2, 42);
        private Function<Object, Object> getX = Function.identity();
        private Function<Object, Object> getY;
        private final List<ItemTransform<?>> itemTfms = new ArrayList<>();
        private final List<BatchTransform> batchTfms = new ArrayList<>();

        private Builder() {}

        /** The input and target blocks (fastai's {@code blocks=(ImageBlock, CategoryBlock)}). */
        public Builder setBlocks(InputBlock input, TargetBlock target) {
            this.inputBlock = Objects.requireNonNull(input, "input");
            this.targetBlock = Objects.requireNonNull(target, "target");
            return this;
        }

        /** How to list the items of a source (e.g. {@code p -> Items.getImageFiles((Path) p)}). */
        public Builder setGetItems(Function<Object, ? extends List<?>> getItems) {
            this.getItems = Objects.requireNonNull(getItems, "getItems");
            return this;
        }

        /** The splitter (default {@code Splitters.random(0.2, 42)}). */
        public Builder optSplitter(Splitter splitter) {
            this.splitter = Objects.requireNonNull(splitter, "splitter");
            return this;
        }

        /** The input getter (default: the item itself). */
        public Builder optGetX(Function<Object, Object> getX) {
            this.getX = Objects.requireNonNull(getX, "getX");
            return this;
        }

        /** The label getter (e.g. {@code Labellers.parentLabel()}). */
        public Builder setGetY(Function<Object, Object> getY) {
            this.getY = Objects.requireNonNull(getY, "getY");
            return this;
        }

        /** Adds item transforms (run in a worker, sorted by order). */
        public Builder addItemTfms(List<? extends ItemTransform<?>> tfms) {
            itemTfms.addAll(tfms);
            return this;
        }

        /** Adds item transforms. */
        public Builder addItemTfms(ItemTransform<?>... tfms) {
            return addItemTfms(List.of(tfms));
        }

        /** Adds batch transforms (run on the device, sorted by order). */
        public Builder addBatchTfms(List<? extends BatchTransform> tfms) {
            batchTfms.addAll(tfms);
            return this;
        }

        /** Adds batch transforms. */
        public Builder addBatchTfms(BatchTransform... tfms) {
            return addBatchTfms(List.of(tfms));
        }

        /** Validates and builds. */
        public DataBlock build() {
            if (inputBlock == null || targetBlock == null) {
                throw new IllegalArgumentException("DataBlock needs blocks: call setBlocks");
            }
            if (getItems == null) {
                throw new IllegalArgumentException("DataBlock needs getItems: call setGetItems");
            }
            if (getY == null) {
                throw new IllegalArgumentException("DataBlock needs getY: call setGetY");
            }
            return new DataBlock(this);
        }
    }
}
