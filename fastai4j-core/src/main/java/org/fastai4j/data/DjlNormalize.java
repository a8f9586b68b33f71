package org.fastai4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * DJL's {@code ai.djl.modality.cv.transform.Normalize} as a batch transform that can also be
 * undone for display ({@link #decode}) and that counts as the pipeline's normalization (so a
 * pretrained vision learner adds no second one). DJL keeps the statistics private; they are read
 * once, here, by reflection.
 */
final class DjlNormalize implements BatchTransform {
    private final ai.djl.modality.cv.transform.Normalize transform;
    private final float[] mean;
    private final float[] std;
    private final int order;

    DjlNormalize(ai.djl.modality.cv.transform.Normalize transform, int order) {
        this.transform = transform;
        this.mean = field(transform, "mean");
        this.std = field(transform, "std");
        this.order = order;
        if (mean.length != std.length) {
            throw new IllegalArgumentException("DJL Normalize has " + mean.length + " means but " + std.length + " stds");
        }
    }

    private static float[] field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return ((float[]) f.get(o)).clone();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read DJL Normalize's " + name + " (DJL version change?)", e);
        }
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        NDArray out = transform.transform(x);
        out.attach(ctx.manager());
        return out;
    }

    @Override
    public NDArray decode(NDArray x) {
        if (x.getShape().dimension() != 4 || x.getShape().get(1) != mean.length) {
            return x;
        }
        Shape s = new Shape(1, mean.length, 1, 1);
        NDArray m = x.getManager().create(mean).reshape(s);
        NDArray sd = x.getManager().create(std).reshape(s);
        return x.mul(sd).addi(m);
    }

    @Override
    public boolean isNormalization() {
        return true;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public String describe() {
        return "DjlNormalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
    }
}
