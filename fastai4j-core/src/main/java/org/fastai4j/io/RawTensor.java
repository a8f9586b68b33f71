package org.fastai4j.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor held in plain Java memory, as read from a weights file: row-major, contiguous,
 * little-endian bytes.
 *
 * @param dataType the element type
 * @param shape the dimensions (empty for a scalar)
 * @param data the bytes (position 0, remaining = element count × element size)
 */
public record RawTensor(DataType dataType, long[] shape, ByteBuffer data) {

    /**
     * Validates the byte count against the shape and copies the shape.
     *
     * @param dataType the element type
     * @param shape the dimensions (empty for a scalar)
     * @param data the bytes (position 0, remaining = element count × element size)
     */
    public RawTensor {
        Objects.requireNonNull(dataType, "dataType");
        shape = Objects.requireNonNull(shape, "shape").clone();
        Objects.requireNonNull(data, "data");
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        long expected = elementCount(shape) * dataType.getNumOfBytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " and type "
                    + dataType + " needs " + expected + " bytes, got " + data.remaining());
        }
    }

    /**
     * A float32 tensor holding a copy of {@code values}.
     *
     * @param values the values, row-major, exactly as many as the shape's size
     * @param shape the dimensions; none for a scalar
     * @return the tensor
     * @throws IllegalArgumentException if the array length does not match the shape
     */
    public static RawTensor ofFloats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new RawTensor(DataType.FLOAT32, shape, b);
    }

    /**
     * A copy of an NDArray's values in Java memory (same type and shape).
     *
     * @param array the array to copy (on any device); it is not closed
     * @return the copy, in Java heap memory
     */
    public static RawTensor of(NDArray array) {
        ByteBuffer bytes = array.toByteBuffer();
        ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(bytes.order(ByteOrder.nativeOrder()).slice().order(ByteOrder.nativeOrder()));
        copy.flip();
        return new RawTensor(array.getDataType(), array.getShape().getShape(), copy);
    }

    /** {@return the shape} */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** {@return the shape as a DJL {@link Shape}} */
    public Shape djlShape() {
        return new Shape(shape);
    }

    /** {@return the number of elements} */
    public long elementCount() {
        return elementCount(shape);
    }

    /** {@return a read-only view of the bytes, little-endian} */
    @Override
    public ByteBuffer data() {
        return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** {@return the values converted to float (float16, bfloat16, float32, float64 and integer types)} */
    public float[] toFloatArray() {
        int n = Math.toIntExact(elementCount());
        float[] out = new float[n];
        ByteBuffer b = data();
        for (int i = 0; i < n; i++) {
            out[i] = switch (dataType) {
                case FLOAT32 -> b.getFloat(i * 4);
                case FLOAT64 -> (float) b.getDouble(i * 8);
                case FLOAT16 -> halfToFloat(b.getShort(i * 2));
                case BFLOAT16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                case INT64 -> b.getLong(i * 8);
                case INT32 -> b.getInt(i * 4);
                case INT16 -> b.getShort(i * 2);
                case INT8 -> b.get(i);
                case UINT8, BOOLEAN -> b.get(i) & 0xff;
                default -> throw new IllegalArgumentException("cannot convert " + dataType + " to float");
            };
        }
        return out;
    }

    /**
     * Creates an NDArray in {@code manager} holding these values (same type and shape).
     *
     * @param manager the manager that owns the new array (and decides its device)
     * @return a new array holding a copy of these values; the caller closes it (or its manager)
     */
    public NDArray toNDArray(NDManager manager) {
        ByteBuffer direct = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.nativeOrder());
        copyInto(direct);
        return manager.create(direct, djlShape(), dataType);
    }

    /** Copies the bytes into {@code target} (native order), converting byte order if needed. */
    void copyInto(ByteBuffer target) {
        ByteBuffer src = data();
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN || dataType.getNumOfBytes() == 1) {
            target.put(src);
        } else {
            int w = dataType.getNumOfBytes();
            byte[] tmp = new byte[w];
            while (src.hasRemaining()) {
                src.get(tmp);
                for (int i = w - 1; i >= 0; i--) {
                    target.put(tmp[i]);
                }
            }
        }
        target.flip();
    }

    /** IEEE 754 binary16 → float. */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawTensor t && t.dataType == dataType && Arrays.equals(t.shape, shape)
                && t.data().equals(data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(dataType, Arrays.hashCode(shape), data());
    }

    @Override
    public String toString() {
        return "RawTensor[" + dataType + " " + Arrays.toString(shape) + "]";
    }
}
