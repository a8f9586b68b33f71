package org.fastai4j.vision;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.fastai4j.data.CategoryBlock;
import org.fastai4j.data.DataBlock;
import org.fastai4j.data.TargetBlock;
import org.fastai4j.vision.image.ImageBlock;

/**
 * The builder of the constructors over a given list of items and a label function: {@code
 * fromNameFunc}, {@code fromPathFunc}, {@code fromNameRe}, {@code fromLists}. Split at random
 * ({@code optValidPct}, default 0.2, and {@code optSeed}), as fastai's.
 */
public final class ItemsLoadersBuilder extends ImageLoadersBuilder<ItemsLoadersBuilder> {
    private final List<?> items;
    private final Function<Object, Object> getX;
    private final Function<Object, Object> getY;
    private TargetBlock target;

    ItemsLoadersBuilder(List<?> items, Function<Object, Object> getX,
            Function<Object, Object> getY, TargetBlock target) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("No items given");
        }
        this.items = List.copyOf(items);
        this.getX = getX;
        this.getY = getY;
        this.target = target;
    }

    @Override
    ItemsLoadersBuilder self() {
        return this;
    }

    /**
     * The target block, fastai's {@code y_block}: how the labels become targets.
     *
     * @param target e.g. {@link CategoryBlock} (the default: single label, cross-entropy),
     *     {@link org.fastai4j.data.MultiCategoryBlock} or {@link org.fastai4j.data.RegressionBlock}
     * @return this builder
     */
    public ItemsLoadersBuilder optYBlock(TargetBlock target) {
        this.target = Objects.requireNonNull(target, "target");
        return this;
    }

    /** {@return the DataBlock this builder uses} */
    public DataBlock dataBlock() {
        DataBlock.Builder b = DataBlock.builder()
                .setBlocks(ImageBlock.create(), target == null ? CategoryBlock.create() : target)
                .setGetItems(source -> items).optGetX(getX).setGetY(getY)
                .optSplitter(randomSplitter());
        return withTfms(b).build();
    }

    @Override
    public ImageDataLoaders build() {
        return new ImageDataLoaders(dataBlock().dataloaders(items, options()));
    }
}
