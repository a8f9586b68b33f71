package org.fastai4j.data;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A tensor held in plain Java memory (no NDArray, no native handle): what loader workers produce.
 * The data is little-endian (native order), laid out row-major in {@code shape}.
 *
 * @param shape the shape of one item (no batch axis)
 * @param dataType the element type
 * @param data the bytes, position 0, limit = shape size × element size
 */
public record HostTensor(Shape shape, DataType dataType, ByteBuffer data) {

    /**
     * Validates that the byte count matches the shape.
     *
     * @param shape the shape of one item (no batch axis)
     * @param dataType the element type
     * @param data the bytes, position 0, limit = shape size × element size
     */
    public HostTensor {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(data, "data");
        long expected = shape.size() * dataType.getNumOfBytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException(
                    "HostTensor of shape " + shape + " and type " + dataType + " needs " + expected
                            + " bytes, got " + data.remaining());
        }
    }

    /**
     * A uint8 tensor wrapping {@code bytes} (not copied: later changes to the array show through).
     *
     * @param bytes the values, row-major, exactly as many as the shape's size
     * @param shape the dimensions, e.g. {@code h, w, 3} for an image in DJL's layout; none for a
     *     scalar
     * @return the tensor
     * @throws IllegalArgumentException if the array length does not match the shape
     */
    public static HostTensor ofUint8(byte[] bytes, long... shape) {
        return new HostTensor(new Shape(shape), DataType.UINT8, ByteBuffer.wrap(bytes));
    }

    /**
     * A float32 tensor holding a copy of {@code values}.
     *
     * @param values the values, row-major, exactly as many as the shape's size
     * @param shape the dimensions; none for a scalar
     * @return the tensor
     * @throws IllegalArgumentException if the array length does not match the shape
     */
    public static HostTensor ofFloats(float[] values, long... shape) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.nativeOrder());
        b.asFloatBuffer().put(values);
        return new HostTensor(new Shape(shape), DataType.FLOAT32, b);
    }

    /**
     * A scalar int64 tensor, the encoded form of a class index.
     *
     * @param value the value, e.g. a class's index in the vocabulary
     * @return the 0-dimensional tensor
     */
    public static HostTensor ofLong(long value) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        b.putLong(0, value);
        return new HostTensor(new Shape(), DataType.INT64, b);
    }

    /** {@return the number of bytes of the data} */
    public int byteSize() {
        return data.remaining();
    }
}
