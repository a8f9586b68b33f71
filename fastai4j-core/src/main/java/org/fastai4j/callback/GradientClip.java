package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.learner.Callback;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code GradientClip}: before each optimizer step, torch's {@code clip_grad_norm_} over
 * the model's parameters that have gradients. With {@code total} the L2 norm of all gradients
 * together, every gradient is multiplied in place by {@code maxNorm / (total + 1e-6)} when that is
 * below 1, so positive and negative components shrink alike (DJL's own {@code clipGrad} clamps
 * only the maximum).
 */
public final class GradientClip implements Callback {

    private final double maxNorm;

    /** fastai's default: max_norm 1. */
    public GradientClip() {
        this(1.0);
    }

    /** @param maxNorm the largest total L2 norm allowed, > 0 */
    public GradientClip(double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("GradientClip: maxNorm must be finite and > 0, got " + maxNorm);
        }
        this.maxNorm = maxNorm;
    }

    /** {@return the largest total norm allowed} */
    public double maxNorm() {
        return maxNorm;
    }

    /** fastai's {@code MixedPrecision.order + 1} (MixedPrecision's order is 10). */
    @Override
    public int order() {
        return 11;
    }

    @Override
    public boolean runValid() {
        return false;
    }

    @Override
    public void beforeStep(Learner learn) {
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : learn.model().getParameters()) {
            params.add(p.getValue());
        }
        clipGradNorm(params, maxNorm);
    }

    /**
     * torch's {@code clip_grad_norm_(params, maxNorm)} with the L2 norm: scales the gradients of
     * the parameters that have one, in place, and returns the total norm before clipping.
     *
     * @param params the parameters whose gradients are clipped; uninitialized parameters and those
     *     without a gradient are skipped
     * @param maxNorm the largest total L2 norm allowed (fastai's {@code max_norm}, default 1)
     * @return the total L2 norm of all gradients together, before clipping (NaN or infinite if a
     *     gradient holds such values)
     */
    public static double clipGradNorm(Iterable<Parameter> params, double maxNorm) {
        List<NDArray> grads = new ArrayList<>();
        try {
            double sumSquares = 0;
            for (Parameter p : params) {
                if (!p.isInitialized() || !p.getArray().hasGradient()) {
                    continue;
                }
                NDArray g = p.getArray().getGradient();
                grads.add(g);
                try (NDArray sq = g.square(); NDArray s = sq.sum(); NDArray s32 = s.toType(DataType.FLOAT32, true)) {
                    sumSquares += s32.getFloat();
                }
            }
            double total = Math.sqrt(sumSquares);
            double coef = maxNorm / (total + 1e-6);
            if (!(coef >= 1)) {
                for (NDArray g : grads) {
                    g.muli((float) coef);
                }
            }
            return total;
        } finally {
            grads.forEach(NDArray::close);
        }
    }
}
