package org.fastai4j.vision.transform;

import org.fastai4j.data.IntToFloat;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;

/**
 * fastai's {@code Normalize} (order 99): {@code (x − mean) / std} per channel of a float N×C×H×W
 * batch, on the device; {@link #decode} undoes it ({@code x·std + mean}). Integer batches pass
 * unchanged (as fastai, which normalises only float images: put {@link IntToFloat} first).
 */
public final class Normalize implements BatchTransform {
    /** fastai's {@code imagenet_stats}. */
    public static final Stats IMAGENET_STATS = Stats.IMAGENET;

    private final Stats stats;

    private Normalize(Stats stats) {
        this.stats = stats;
    }

    /**
     * Normalises with {@code stats}, fastai's {@code Normalize.from_stats(*stats)}.
     *
     * @param stats the per-channel mean and standard deviation, on the scale of the float batch
     *     (0 to 1 after {@link IntToFloat}), e.g. {@link #IMAGENET_STATS}
     * @return the transform; a batch whose channel count differs from the statistics' is refused
     *     when applied
     */
    public static Normalize fromStats(Stats stats) {
        return new Normalize(stats);
    }

    /**
     * Normalises with the given per-channel mean and std.
     *
     * @param mean the channel means, one per channel, on the float batch's scale (0 to 1)
     * @param std the channel standard deviations, as many as {@code mean}, all positive
     * @return the transform
     * @throws IllegalArgumentException if the lengths differ or are 0, or a std is not positive
     */
    public static Normalize fromStats(float[] mean, float[] std) {
        return new Normalize(new Stats(mean, std));
    }

    /** {@return the statistics} */
    public Stats stats() {
        return stats;
    }

    private NDArray[] broadcast(NDArray x, NDManager m) {
        int c = stats.mean().length;
        if (x.getShape().dimension() != 4 || x.getShape().get(1) != c) {
            throw new IllegalArgumentException("Normalize with " + c
                    + " channels needs an N×" + c + "×H×W batch, got " + x.getShape());
        }
        Shape s = new Shape(1, c, 1, 1);
        return new NDArray[] {m.create(stats.mean(), s).toDevice(x.getDevice(), false),
            m.create(stats.std(), s).toDevice(x.getDevice(), false)};
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        if (!x.getDataType().isFloating()) {
            return x;
        }
        NDArray[] ms = broadcast(x, ctx.manager());
        return x.sub(ms[0]).divi(ms[1]);
    }

    @Override
    public NDArray decode(NDArray x) {
        if (!x.getDataType().isFloating() || x.getDataType() != DataType.FLOAT32) {
            return x;
        }
        NDArray[] ms = broadcast(x, x.getManager());
        return x.mul(ms[1]).addi(ms[0]);
    }

    @Override
    public int order() {
        return 99;
    }

    @Override
    public String describe() {
        return "Normalize(mean=" + Arrays.toString(stats.mean()) + ", std="
                + Arrays.toString(stats.std()) + ")";
    }

    @Override
    public boolean isNormalization() {
        return true;
    }
}
