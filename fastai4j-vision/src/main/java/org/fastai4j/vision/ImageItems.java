package org.fastai4j.vision;

import java.util.List;
import org.fastai4j.data.HostTensor;
import org.fastai4j.data.ItemContext;
import org.fastai4j.data.ItemSource;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.data.Sample;
import org.fastai4j.vision.image.ImageBlock;

/**
 * Image files without labels, for inference: each file decoded by {@link ImageBlock} through the
 * item transforms, with a placeholder target (class 0). A loaded export's loaders are built on it;
 * {@link #withItems} gives {@code test_dl} its files.
 */
final class ImageItems implements ItemSource {
    private final ImageBlock block = ImageBlock.create();
    private final List<Object> files;
    private final List<ItemTransform<?>> itemTfms;

    ImageItems(List<?> files, List<ItemTransform<?>> itemTfms) {
        this.files = List.copyOf(files);
        this.itemTfms = List.copyOf(itemTfms);
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public Sample load(int index, ItemContext ctx) throws Exception {
        return new Sample(block.load(files.get(index), itemTfms, ctx), HostTensor.ofLong(0), index);
    }

    @Override
    public String describe(int index) {
        return block.describe(files.get(index));
    }

    @Override
    public List<ItemTransform<?>> itemTfms() {
        return itemTfms;
    }

    @Override
    public ItemSource withItems(List<?> xs) {
        return new ImageItems(xs, itemTfms);
    }
}
