package org.fastai4j.interpret;

/**
 * What {@code topLosses} returns: losses sorted, and which items they belong to.
 *
 * @param losses the per-item losses, sorted
 * @param indices the dataset index of each item (what fastai's {@code top_losses} returns for an
 *     unshuffled loader)
 * @param rows the position of each item in the interpretation's arrays
 */
public record TopLosses(float[] losses, int[] indices, int[] rows) {

    /** The number of items. */
    public int size() {
        return losses.length;
    }
}
