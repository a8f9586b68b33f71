package org.fastai4j.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.Vocab;
import org.fastai4j.plot.Figure;
import org.fastai4j.plot.ImageGrid;
import org.fastai4j.plot.Images;

/**
 * Renders {@code showBatch}: the first training batch of epoch 0 (augmented as training sees
 * it), decoded by the loader's batch transforms (de-normalised, back to 0–255), as an {@link
 * ImageGrid} titled with the labels.
 */
final class ShowBatch {
    private ShowBatch() {}

    static Figure render(DataLoaders dls, int maxN, int nrows, int ncols) {
        if (maxN < 1) {
            throw new IllegalArgumentException("maxN must be at least 1, got " + maxN);
        }
        if (nrows < 0 || ncols < 0) {
            throw new IllegalArgumentException("nrows and ncols must be 0 (automatic) or positive,"
                    + " got " + nrows + " and " + ncols);
        }
        DataLoader dl = dls.train();
        ImageGrid.Builder grid = ImageGrid.builder();
        if (nrows > 0) {
            grid.optNrows(nrows);
        }
        if (ncols > 0) {
            grid.optNcols(ncols);
        }
        try (NDManager m = NDManager.newBaseManager(dl.device());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, 0)) {
            if (!it.hasNext()) {
                throw new IllegalStateException("The training loader has no batch to show");
            }
            try (Batch b = it.next()) {
                int n = Math.min(maxN, b.size());
                NDArray x = dl.decodeInputs(b.xs().singletonOrThrow());
                if (x.getDataType() != DataType.UINT8) {
                    x = x.clip(0f, 1f).mul(255f).round().toType(DataType.UINT8, false);
                }
                long[] s = x.getShape().getShape();
                if (s.length != 4 || (s[1] != 1 && s[1] != 3)) {
                    throw new IllegalStateException("showBatch needs N×C×H×W images with 1 or 3"
                            + " channels, got " + x.getShape());
                }
                int c = (int) s[1];
                int h = (int) s[2];
                int w = (int) s[3];
                byte[] px = x.toByteArray();
                int size = c * h * w;
                NDArray ys = b.ys().singletonOrThrow();
                for (int i = 0; i < n; i++) {
                    byte[] one = new byte[size];
                    System.arraycopy(px, i * size, one, 0, size);
                    grid.addImage(Images.fromChw(one, c, h, w), title(ys.get(i), dl.vocab()));
                }
            }
        }
        return grid.build();
    }

    /** A class name, the names of a multi-hot vector joined by ';', or the numbers. */
    static String title(NDArray y, Optional<Vocab> vocab) {
        if (vocab.isPresent() && y.getShape().dimension() == 0 && y.getDataType().isInteger()) {
            return vocab.get().get((int) y.toType(DataType.INT64, false).toLongArray()[0]);
        }
        if (vocab.isPresent() && y.getShape().dimension() == 1
                && y.getShape().get(0) == vocab.get().size()) {
            float[] hot = y.toType(DataType.FLOAT32, false).toFloatArray();
            StringJoiner j = new StringJoiner(";");
            for (int k = 0; k < hot.length; k++) {
                if (hot[k] > 0.5f) {
                    j.add(vocab.get().get(k));
                }
            }
            return j.toString();
        }
        float[] v = y.toType(DataType.FLOAT32, false).toFloatArray();
        StringJoiner j = new StringJoiner(", ");
        for (float f : v) {
            j.add(String.format(Locale.ROOT, "%.3g", f));
        }
        return j.toString();
    }
}
