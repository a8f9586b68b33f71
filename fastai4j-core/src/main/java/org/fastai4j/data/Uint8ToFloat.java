package org.fastai4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * A uint8 batch becomes float32 ÷ 255 on the device (order 10, fastai's {@code IntToFloatTensor});
 * other types pass. {@link DatasetLoaders} adds it; vision code uses {@code IntToFloat}, which
 * does the same.
 */
public final class Uint8ToFloat implements BatchTransform {
    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        return x.getDataType() == DataType.UINT8 ? x.toType(DataType.FLOAT32, false).divi(255f) : x;
    }

    @Override
    public NDArray decode(NDArray x) {
        return x.getDataType() == DataType.UINT8 ? x
                : x.clip(0f, 1f).muli(255f).round().toType(DataType.UINT8, false);
    }

    @Override
    public int order() {
        return 10;
    }
}
