package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
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
        try (NDManager scope = ctx.manager().newSubManager(x.getDevice())) {
            x.tempAttach(scope);
            // fastai's logit, -(1/x - 1).log(), with in-place steps where DJL has them: the
            // batch-sized temporaries (allocating and first touching them) cost as much as the math
            NDArray y = x.clip(1e-7f, 1 - 1e-7f);
            NDArray r = NDArrays.div(1f, y);
            y.close();
            r.subi(1f);
            y = r.log();
            r.close();
            y.negi();
            for (int k = 0; k < sources.size(); k++) {
                LogitSource src = sources.get(k);
                float[] scale = new float[n];
                float[] shift = new float[n];
                boolean anyScale = false;
                boolean anyShift = false;
                for (int i = 0; i < n; i++) {
                    scale[i] = (float) src.scale(draws[k][i]);
                    shift[i] = (float) src.shift(draws[k][i]);
                    anyScale |= scale[i] != 1f;
                    anyShift |= shift[i] != 0f;
                }
                if (anyShift) {
                    y.addi(scope.create(shift, new Shape(n, 1, 1, 1)).toType(x.getDataType(), false));
                }
                if (anyScale) {
                    y.muli(scope.create(scale, new Shape(n, 1, 1, 1)).toType(x.getDataType(), false));
                }
            }
            NDArray out = y.getNDArrayInternal().sigmoid();
            out.attach(ctx.manager());
            return out;
        }
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
