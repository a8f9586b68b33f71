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

    /**
     * The {@code k} largest (or smallest) of {@code losses}, sorted; equal losses keep item order;
     * {@code k} beyond the number of items gives all. NaN counts as larger than any number.
     *
     * @param losses the per-item losses, in the interpretation's row order
     * @param indices the dataset index of each loss's item, as many as {@code losses}
     * @param k how many to keep, {@code >= 0}
     * @param largest true for the largest losses in descending order (fastai's default), false for
     *     the smallest in ascending order
     * @return the kept losses with their dataset indices and rows
     * @throws IllegalArgumentException if {@code k < 0} or the arrays differ in length
     */
    public static TopLosses of(float[] losses, int[] indices, int k, boolean largest) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        if (losses.length != indices.length) {
            throw new IllegalArgumentException(losses.length + " losses but " + indices.length + " indices");
        }
        Integer[] order = new Integer[losses.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Comparator<Integer> byLoss = java.util.Comparator.comparingDouble(i -> losses[i]);
        java.util.Arrays.sort(order, largest ? byLoss.reversed() : byLoss);
        int m = Math.min(k, order.length);
        float[] l = new float[m];
        int[] rows = new int[m];
        int[] idx = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = order[i];
            l[i] = losses[rows[i]];
            idx[i] = indices[rows[i]];
        }
        return new TopLosses(l, idx, rows);
    }

    /** {@return the number of items} */
    public int size() {
        return losses.length;
    }
}
