package org.fastai4j.vision;

import ai.djl.Device;
import ai.djl.translate.Transform;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.DataBlock;
import org.fastai4j.data.DjlTransforms;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.data.LoaderOptions;
import org.fastai4j.data.Splitter;
import org.fastai4j.data.Splitters;

/**
 * The options every {@link ImageDataLoaders} constructor shares (fastai's keyword arguments):
 * validation share and seed, item and batch transforms, batch size, workers, bad-file policy,
 * device. Subclasses add their own and build a {@link DataBlock}.
 *
 * @param <B> the concrete builder
 */
public abstract class ImageLoadersBuilder<B extends ImageLoadersBuilder<B>> {
    private Double validPct;
    private long seed = 42;
    private final List<ItemTransform<?>> itemTfms = new ArrayList<>();
    private final List<BatchTransform> batchTfms = new ArrayList<>();
    private LoaderOptions options = LoaderOptions.defaults();

    ImageLoadersBuilder() {}

    abstract B self();

    /**
     * Builds the DataLoaders.
     *
     * @return the loaders
     */
    public abstract ImageDataLoaders build();

    /**
     * A random split with this share of the items for validation (fastai's {@code valid_pct}).
     *
     * @param validPct the validation share, in [0, 1)
     * @return this builder
     */
    public B optValidPct(double validPct) {
        if (!(validPct >= 0 && validPct < 1)) {
            throw new IllegalArgumentException("validPct must be in [0, 1), got " + validPct);
        }
        this.validPct = validPct;
        return self();
    }

    /**
     * The seed of the random split and of the loaders (default 42).
     *
     * @param seed the run seed
     * @return this builder
     */
    public B optSeed(long seed) {
        this.seed = seed;
        options = options.withSeed(seed);
        return self();
    }

    /**
     * Item transforms (e.g. {@code Resize.of(224)}), run in the workers.
     *
     * @param tfms the transforms on each decoded image, fastai's {@code item_tfms}; added to those
     *     given before, run in ascending {@code order()} (e.g. {@link org.fastai4j.vision.transform.Resize} is 1)
     * @return this builder
     */
    public B optItemTfms(ItemTransform<?>... tfms) {
        itemTfms.addAll(List.of(tfms));
        return self();
    }

    /**
     * DJL transforms used as item transforms (they see H×W×3 uint8 images).
     *
     * @param tfms DJL transforms (e.g. {@code ai.djl.modality.cv.transform.Resize}), each wrapped as
     *     an item transform of order 0; added to those given before
     * @return this builder
     */
    public B optDjlItemTfms(Transform... tfms) {
        for (Transform t : tfms) {
            itemTfms.add(DjlTransforms.item(t));
        }
        return self();
    }

    /**
     * Batch transforms (e.g. {@code Augment.augTransforms()}, {@code Normalize}), on the device.
     *
     * @param tfms the transforms on each collated batch, fastai's {@code batch_tfms}; added to those
     *     given before, run in ascending {@code order()} together with the image block's
     *     {@code IntToFloat} (order 10: uint8 to float in [0, 1]); {@code Normalize} is 99
     * @return this builder
     */
    public B optBatchTfms(BatchTransform... tfms) {
        batchTfms.addAll(List.of(tfms));
        return self();
    }

    /**
     * DJL transforms used as batch transforms on the device (order 50, after {@code IntToFloat}):
     * each sees the whole N×C×H×W float batch; see {@code DjlTransforms.perImage} for per-image.
     *
     * @param tfms DJL transforms on the whole batch, in the given order; added to those given before
     * @return this builder
     */
    public B optDjlBatchTfms(Transform... tfms) {
        for (Transform t : tfms) {
            batchTfms.add(DjlTransforms.batch(t, 50));
        }
        return self();
    }

    /**
     * Batch transforms from a list (e.g. the one {@code Augment.augTransforms()} returns).
     *
     * @param tfms the transforms on each collated batch, added to those given before, run in
     *     ascending {@code order()}
     * @return this builder
     */
    public B optBatchTfms(List<? extends BatchTransform> tfms) {
        batchTfms.addAll(tfms);
        return self();
    }

    /**
     * The batch size (default 64).
     *
     * @param bs the batch size, >= 1
     * @return this builder
     */
    public B optBs(int bs) {
        options = options.withBs(bs);
        return self();
    }

    /**
     * Worker threads per loader (default min(cores, 4)).
     *
     * @param workers the number of worker threads, >= 0
     * @return this builder
     */
    public B optWorkers(int workers) {
        options = options.withWorkers(workers);
        return self();
    }

    /**
     * Check every image at build time and skip undecodable ones with one warning.
     *
     * @param skipBad whether to skip undecodable images
     * @return this builder
     */
    public B optSkipBad(boolean skipBad) {
        options = options.withSkipBad(skipBad);
        return self();
    }

    /**
     * The device of the batches (default {@code Devices.defaultDevice()}).
     *
     * @param device where the batches are created and the batch transforms run (CPU or a GPU)
     * @return this builder
     */
    public B optDevice(Device device) {
        options = options.withDevice(device);
        return self();
    }

    /** The validation share set with {@link #optValidPct}, or null. */
    Double validPct() {
        return validPct;
    }

    /** The random splitter with the validation share (default 0.2) and seed. */
    Splitter randomSplitter() {
        return Splitters.random(validPct == null ? 0.2 : validPct, seed);
    }

    LoaderOptions options() {
        return options;
    }

    /** Adds the transforms to a DataBlock builder. */
    DataBlock.Builder withTfms(DataBlock.Builder b) {
        return b.addItemTfms(itemTfms).addBatchTfms(batchTfms);
    }
}
