package org.fastai4j.data;

import ai.djl.ndarray.NDArray;

/**
 * A transform applied to a whole batch of inputs on the model's device (augmentation,
 * normalization). Transforms run in ascending {@link #order()}, as fastai's {@code order}.
 */
public interface BatchTransform {

    /** Encodes a batch of inputs. Arrays created belong to {@code ctx.manager()}. */
    NDArray apply(NDArray x, BatchContext ctx);

    /** Undoes what can be undone, for display (default: nothing). */
    default NDArray decode(NDArray x) {
        return x;
    }

    /**
     * Whether this transform normalizes by channel statistics (fastai's {@code Normalize}); a
     * pretrained vision learner adds ImageNet normalization only when no such transform is present.
     *
     * @return true for a normalization
     */
    default boolean isNormalization() {
        return false;
    }

    /** Position in the pipeline; lower runs first (fastai: IntToFloat 10, Normalize 99). */
    default int order() {
        return 50;
    }

    /** A short description for the export manifest and the report. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
