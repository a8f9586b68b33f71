package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.CancelFitException;
import org.fastai4j.learner.Learner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code TerminateOnNaNCallback}: after a batch whose loss is NaN or infinite, the fit is
 * cancelled ({@code after_cancel_fit}, then {@code after_fit}); the batch is not recorded.
 */
public final class TerminateOnNaN implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(TerminateOnNaN.class);

    @Override
    public int order() {
        return -9;
    }

    @Override
    public void afterBatch(Learner learn) {
        NDArray loss = learn.loss();
        if (loss == null) {
            return;
        }
        double v;
        try (NDArray sum = loss.sum(); NDArray d = sum.toType(DataType.FLOAT64, true)) {
            v = d.getDouble();
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            LOG.warn("loss is {} at epoch {}, batch {}: terminating the fit", v, learn.epoch(), learn.iter());
            throw new CancelFitException();
        }
    }
}
