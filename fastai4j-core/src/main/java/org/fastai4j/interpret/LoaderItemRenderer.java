package org.fastai4j.interpret;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.Objects;
import org.fastai4j.core.Formats;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.plot.Images;

/**
 * Renders items by fetching them again from a {@link DataLoader} by dataset index ({@link
 * DataLoader#itemsAt}, without randomness) and undoing its batch transforms ({@link
 * DataLoader#decodeInputs}, e.g. normalisation): the image as the model saw it. An input of
 * shape C×H×W with C = 1 or 3 is an image; its values are read as [0, 1] unless the largest exceeds
 * 1.5, in which case as [0, 255]. Any other input becomes a text tile with the loader's description
 * of the item, its shape and, for up to 16 values, the values. Native memory lives in a manager
 * closed before {@link #render} returns.
 */
public final class LoaderItemRenderer implements ItemRenderer {
    private final DataLoader dl;

    /**
     * Renders items of {@code dl}.
     *
     * @param dl the loader the items come from (usually the one predictions were made on)
     * @throws NullPointerException if {@code dl} is null
     */
    public LoaderItemRenderer(DataLoader dl) {
        this.dl = Objects.requireNonNull(dl, "dl");
    }

    @Override
    public BufferedImage render(int index) {
        if (index < 0 || index >= dl.itemCount()) {
            throw new IllegalArgumentException("Item index " + index + " is outside the loader's "
                    + dl.itemCount() + " items");
        }
        try (NDManager manager = NDManager.newBaseManager(dl.device());
                Batch b = dl.itemsAt(new int[] {index}, manager)) {
            NDArray x = dl.decodeInputs(b.xs().get(0));
            Shape shape = x.getShape();
            Shape item = shape.dimension() > 0 && shape.get(0) == 1 ? shape.slice(1) : shape;
            if (item.dimension() == 3 && (item.get(0) == 1 || item.get(0) == 3)) {
                float[] v = x.toType(DataType.FLOAT32, false).toFloatArray();
                return Images.fromChw(toUnit(v), (int) item.get(0), (int) item.get(1), (int) item.get(2));
            }
            StringBuilder text = new StringBuilder(dl.describeItem(index)).append("\nshape ").append(item);
            if (item.size() <= 16) {
                float[] v = x.toType(DataType.FLOAT32, false).toFloatArray();
                text.append("\n[");
                for (int i = 0; i < v.length; i++) {
                    text.append(i == 0 ? "" : ", ").append(Formats.fixed(v[i], 2));
                }
                text.append(']');
            }
            return Images.textTile(text.toString(), 160, 128);
        }
    }

    /** Values scaled to [0, 1]: unchanged when the largest is at most 1.5, else divided by 255. */
    static float[] toUnit(float[] v) {
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            max = Math.max(max, f);
        }
        if (max <= 1.5f) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / 255f;
        }
        return out;
    }
}
