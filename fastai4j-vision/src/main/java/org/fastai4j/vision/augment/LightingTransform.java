package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.fastai4j.core.Seeds;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;

/**
 * fastai's {@code LightingTfm}: {@code sigmoid(f_k(...f_1(logit(x))))}, where {@code logit(x) =
 * -log(1/x - 1)} with {@code x} clamped to [1e-7, 1 - 1e-7] (fastai's {@code logit}) and each
 * {@code f} a per-image affine map of the logits (brightness adds {@code logit(b)}, contrast
 * multiplies by {@code c}). Order 40: after the affine resample (30), before {@code Normalize}
 * (99). Training batches only; each component draws from its own stream seeded by {@code
 * Seeds.derive(ctx.seed(), kind, occurrence)}.
 */
public class LightingTransform implements BatchTransform {
    /** fastai's order for {@code LightingTfm}. */
    public static final int ORDER = 40;

    /**
     * Images are lit a few at a time, about this many bytes each: temporaries this small come
     * from malloc's heap and stay in cache, where batch-sized ones (38 MB at 64x3x224x224) are
     * fresh mmaps, page-faulted on every use, and the math costs less than the faults.
     */
    static final long CHUNK_BYTES = 4L << 20;

    private final List<LogitSource> sources;

    LightingTransform(List<LogitSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * This transform's functions followed by {@code other}'s, applied in one pass.
     *
     * @param other the transform whose functions follow
     * @return a new merged transform
     */
    public LightingTransform compose(LightingTransform other) {
        List<LogitSource> s = new ArrayList<>(sources);
        s.addAll(other.sources);
        return new LightingTransform(s);
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public String describe() {
        return "LightingTransform["
                + sources.stream().map(LogitSource::describe).collect(Collectors.joining(", ")) + "]";
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || !x.getDataType().isFloating()) {
            throw new IllegalArgumentException(describe() + " expects a float batch N x C x H x W"
                    + " in [0, 1], got " + x.getDataType() + " " + s);
        }
        if (!ctx.training() || sources.isEmpty()) {
            return x;
        }
        int n = Math.toIntExact(s.get(0));
        double[][] draws = drawAll(n, ctx.seed());
        float[][] scale = new float[sources.size()][];
        float[][] shift = new float[sources.size()][];
        for (int k = 0; k < sources.size(); k++) {
            LogitSource src = sources.get(k);
            float[] sc = new float[n];
            float[] sh = new float[n];
            boolean anyScale = false;
            boolean anyShift = false;
            for (int i = 0; i < n; i++) {
                sc[i] = (float) src.scale(draws[k][i]);
                sh[i] = (float) src.shift(draws[k][i]);
                anyScale |= sc[i] != 1f;
                anyShift |= sh[i] != 0f;
            }
            scale[k] = anyScale ? sc : null;
            shift[k] = anyShift ? sh : null;
        }
        long perImage = s.size() / n * x.getDataType().getNumOfBytes();
        int chunk = (int) Math.max(1, Math.min(n, CHUNK_BYTES / perImage));
        try (NDManager scope = ctx.manager().newSubManager(x.getDevice())) {
            x.tempAttach(scope);
            if (chunk >= n) {
                NDArray out = lighting(x, 0, n, scale, shift, scope);
                out.attach(ctx.manager());
                return out;
            }
            NDArray out = scope.create(s, x.getDataType());
            for (int i0 = 0; i0 < n; i0 += chunk) {
                int i1 = Math.min(n, i0 + chunk);
                try (NDManager part = scope.newSubManager()) {
                    NDIndex rows = new NDIndex(i0 + ":" + i1);
                    NDArray xs = x.get(rows);
                    xs.attach(part);
                    out.set(rows, lighting(xs, i0, i1, scale, shift, part));
                }
            }
            out.attach(ctx.manager());
            return out;
        }
    }

    /**
     * The lighting of images {@code i0..i1-1}, {@code x} holding just those: fastai's logit,
     * {@code -(1/x - 1).log()}, the maps, the sigmoid; in-place steps where DJL has them.
     */
    private static NDArray lighting(NDArray x, int i0, int i1, float[][] scale, float[][] shift,
            NDManager scope) {
        NDArray y = x.clip(1e-7f, 1 - 1e-7f);
        NDArray r = NDArrays.div(1f, y);
        y.close();
        r.subi(1f);
        y = r.log();
        r.close();
        y.negi();
        Shape per = new Shape(i1 - i0, 1, 1, 1);
        for (int k = 0; k < scale.length; k++) {
            if (shift[k] != null) {
                y.addi(scope.create(java.util.Arrays.copyOfRange(shift[k], i0, i1), per)
                        .toType(x.getDataType(), false));
            }
            if (scale[k] != null) {
                y.muli(scope.create(java.util.Arrays.copyOfRange(scale[k], i0, i1), per)
                        .toType(x.getDataType(), false));
            }
        }
        NDArray out = y.getNDArrayInternal().sigmoid();
        y.close();
        return out;
    }

    /** The draws of every component, one row per component (for tests and reports). */
    double[][] drawAll(int n, long seed) {
        Map<Long, Integer> seen = new HashMap<>();
        double[][] d = new double[sources.size()][];
        for (int k = 0; k < sources.size(); k++) {
            LogitSource src = sources.get(k);
            int occurrence = seen.merge(src.salt(), 1, Integer::sum) - 1;
            d[k] = src.draw(n, new SplittableRandom(Seeds.derive(seed, src.salt(), occurrence)));
        }
        return d;
    }

    /** fastai's {@code logit} of a scalar, with its clamp. */
    static double logit(double p) {
        double c = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
        return -Math.log(1 / c - 1);
    }
}
