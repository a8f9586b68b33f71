package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * fastai's {@code AdaptiveConcatPool2d} (size 1): the global max pool and the global average pool
 * concatenated along channels, max first: (N, C, H, W) → (N, 2C, 1, 1).
 */
public final class AdaptiveConcatPool2d extends AbstractBlock {

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray max = Layers.spatialMax(x);
        NDArray avg = Layers.spatialMean(x, true);
        return new NDList(max.concat(avg, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), 2 * s.get(1), 1, 1)};
    }
}
