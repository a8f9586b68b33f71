package org.fastai4j.interpret;

import java.awt.image.BufferedImage;

/**
 * Draws the item at a dataset index, for image grids (top losses, results). {@link
 * LoaderItemRenderer} fetches the item again from its {@link org.fastai4j.data.DataLoader} and draws
 * it as the model saw it; {@link #text()} draws a text tile naming the index.
 */
@FunctionalInterface
public interface ItemRenderer {

    /**
     * Draws one item.
     *
     * @param index the item's index in the dataset (as {@code Preds.indices()} holds it)
     * @return the image of item {@code index} of the dataset
     */
    BufferedImage render(int index);

    /** {@return a renderer drawing "item &lt;index&gt;" tiles, for when no loader is at hand} */
    static ItemRenderer text() {
        return index -> org.fastai4j.plot.Images.textTile("item " + index, 128, 128);
    }
}
