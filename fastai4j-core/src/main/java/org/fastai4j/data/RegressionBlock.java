package org.fastai4j.data;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A regression target, fastai's {@code RegressionBlock}: a number becomes a float32 scalar, a
 * {@code float[]}/{@code double[]}/collection of numbers a float32 vector; strings are parsed.
 */
public final class RegressionBlock implements TargetBlock {

    private RegressionBlock() {}

    /** {@return a regression block} */
    public static RegressionBlock create() {
        return new RegressionBlock();
    }

    static float toFloat(Object o) {
        if (o instanceof Number n) {
            return n.floatValue();
        }
        try {
            return Float.parseFloat(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Regression label '" + o + "' is not a number");
        }
    }

    static HostTensor encodeValue(Object label) {
        if (label instanceof Number || label instanceof String) {
            return HostTensor.ofFloats(new float[] {toFloat(label)});
        }
        float[] v;
        if (label instanceof float[] f) {
            v = f.clone();
        } else if (label instanceof double[] d) {
            v = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                v[i] = (float) d[i];
            }
        } else if (label instanceof Collection<?> c) {
            v = new float[c.size()];
            int i = 0;
            for (Object o : c) {
                v[i++] = toFloat(o);
            }
        } else {
            throw new IllegalArgumentException("Cannot use " + label + " as a regression target");
        }
        return HostTensor.ofFloats(v, v.length);
    }

    @Override
    public Encoder setup(List<?> trainLabels) {
        return new Encoder() {
            @Override
            public HostTensor encode(Object label) {
                return encodeValue(label);
            }

            @Override
            public Optional<Vocab> vocab() {
                return Optional.empty();
            }
        };
    }
}
