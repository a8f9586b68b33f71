package org.fastai4j.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Arrays;

/**
 * A host copy of a batch array for metric arithmetic: the values in row-major order as doubles,
 * and the shape. Holds no native memory.
 *
 * @param values the values, row-major
 * @param shape the shape (empty for a scalar)
 */
public record HostArray(double[] values, long[] shape) {

    /**
     * Checks that the shape and the values agree.
     *
     * @param values the values, row-major
     * @param shape the shape (empty for a scalar)
     */
    public HostArray {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("HostArray: shape " + Arrays.toString(shape) + " holds " + n
                    + " values, got " + values.length);
        }
    }

    /**
     * {@return a host copy of {@code array} (any numeric or boolean type); the array is left as it was}
     *
     * @param array the array to copy, on any device; booleans become 0/1, other types not read
     *     directly (e.g. float16) are converted through float32
     */
    public static HostArray of(NDArray array) {
        long[] shape = array.getShape().getShape();
        DataType type = array.getDataType();
        double[] v;
        switch (type) {
            case FLOAT32 -> {
                float[] f = array.toFloatArray();
                v = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = f[i];
                }
            }
            case FLOAT64 -> v = array.toDoubleArray();
            case INT64 -> v = Arrays.stream(array.toLongArray()).asDoubleStream().toArray();
            case INT32 -> v = Arrays.stream(array.toIntArray()).asDoubleStream().toArray();
            case UINT8 -> v = Arrays.stream(array.toUint8Array()).asDoubleStream().toArray();
            case BOOLEAN -> {
                boolean[] b = array.toBooleanArray();
                v = new double[b.length];
                for (int i = 0; i < b.length; i++) {
                    v[i] = b[i] ? 1 : 0;
                }
            }
            default -> {
                try (NDArray f = array.toType(DataType.FLOAT32, true)) {
                    return new HostArray(of(f).values, shape);
                }
            }
        }
        return new HostArray(v, shape);
    }

    /** {@return the number of values} */
    public int size() {
        return values.length;
    }

    /** {@return the size of the last axis (1 for a scalar)} */
    public int lastDim() {
        return shape.length == 0 ? 1 : (int) shape[shape.length - 1];
    }

    /** {@return the number of rows when the last axis is the class axis: {@code size() / lastDim()}} */
    public int rowCount() {
        int last = lastDim();
        return last == 0 ? 0 : values.length / last;
    }

    /**
     * fastai's {@code find_bs}: the batch size of a prediction or target.
     *
     * @return the first dimension, or 1 for a scalar
     */
    public long batchSize() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /**
     * {@return index of the largest value of each row over the last axis (the first one on ties, as torch)}
     * Unlike torch, a NaN is never chosen.
     */
    public double[] argmaxLastAxis() {
        int c = lastDim();
        double[] out = new double[rowCount()];
        for (int r = 0; r < out.length; r++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (values[r * c + j] > values[r * c + best]) {
                    best = j;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /**
     * Softmax over the last axis, keeping only the last column (fastai's {@code BinarySoftmax}).
     *
     * @return for each row, the softmax probability of the last class (for two classes: of class 1)
     */
    public double[] softmaxLastColumn() {
        int c = lastDim();
        double[] out = new double[rowCount()];
        for (int r = 0; r < out.length; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, values[r * c + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(values[r * c + j] - max);
            }
            out[r] = Math.exp(values[r * c + c - 1] - max) / sum;
        }
        return out;
    }

    /**
     * Element-wise logistic sigmoid.
     *
     * @return {@code 1 / (1 + exp(-x))} for each value, in row-major order
     */
    public double[] sigmoid() {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 1 / (1 + Math.exp(-values[i]));
        }
        return out;
    }
}
