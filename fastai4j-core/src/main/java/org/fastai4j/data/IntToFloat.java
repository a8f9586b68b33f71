package org.fastai4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * fastai's {@code IntToFloatTensor} (order 10): a uint8 batch (images, or any DJL dataset's) becomes float32 divided by 255,
 * on the device; float batches pass unchanged. Decoding clamps to [0, 1] and returns uint8 0–255.
 */
public final class IntToFloat implements BatchTransform {
    private static final IntToFloat INSTANCE = new IntToFloat();

    private IntToFloat() {}

    /** The transform. */
    public static IntToFloat create() {
        return INSTANCE;
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        if (x.getDataType() != DataType.UINT8) {
            return x;
        }
        return x.toType(DataType.FLOAT32, false).divi(255f);
    }

    @Override
    public NDArray decode(NDArray x) {
        if (x.getDataType() == DataType.UINT8) {
            return x;
        }
        return x.clip(0f, 1f).muli(255f).round().toType(DataType.UINT8, false);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String describe() {
        return "IntToFloat(div=255)";
    }
}
