package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.fastai4j.losses.Loss;
import org.fastai4j.optim.OptimizerFactory;

/**
 * The defaults a {@link LearnerBuilder} falls back to. TEMPORARY home until the losses and optim
 * packages provide fastai's {@code CrossEntropyLossFlat} and {@code Adam}: then these delegate.
 */
final class DefaultParts {
    private DefaultParts() {}

    /** fastai's {@code CrossEntropyLossFlat()} (mean reduction, softmax activation, argmax decoding). */
    static Loss crossEntropyFlat() {
        return new Loss() {
            @Override
            public NDArray forward(NDArray pred, NDArray target) {
                return perItem(pred, target).mean();
            }

            @Override
            public NDArray perItem(NDArray pred, NDArray target) {
                long classes = pred.getShape().get(pred.getShape().dimension() - 1);
                NDArray logp = pred.reshape(-1, classes).logSoftmax(-1);
                NDArray idx = target.toType(DataType.INT64, false).reshape(-1, 1);
                return logp.gather(idx, 1).reshape(-1).neg();
            }

            @Override
            public NDArray activation(NDArray pred) {
                return pred.softmax(-1);
            }

            @Override
            public NDArray decodes(NDArray activated) {
                return activated.argMax(-1);
            }

            @Override
            public String name() {
                return "CrossEntropyLossFlat";
            }
        };
    }

    /** fastai's {@code Adam}: not available until the optim package provides it. */
    static OptimizerFactory adam() {
        throw new IllegalArgumentException(
                "Learner.optFunc has no default yet (fastai's Adam comes with org.fastai4j.optim.Optimizers): pass optOptFunc");
    }
}
