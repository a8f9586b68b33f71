package org.fastai4j.vision.models;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** fastai's {@code SigmoidRange(low, high)}: {@code sigmoid(x) * (high - low) + low}. */
public final class SigmoidRange extends AbstractBlock {

    private final float low;
    private final float high;

    /**
     * The range (low, high); outputs lie strictly between them.
     *
     * @param low the lower bound, reached as the input goes to minus infinity
     * @param high the upper bound, greater than {@code low}
     * @throws IllegalArgumentException if {@code high} is not greater than {@code low}
     */
    public SigmoidRange(float low, float high) {
        if (!(high > low)) {
            throw new IllegalArgumentException("SigmoidRange needs low < high, got " + low + ", " + high);
        }
        this.low = low;
        this.high = high;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(ai.djl.nn.Activation.sigmoid(inputs.singletonOrThrow()).mul(high - low).add(low));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
