package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Engine helpers of the optimizer: libtorch's per-thread grad mode and in-place gradient access. */
final class Autograd {
    private Autograd() {
    }

    /** Turns grad mode off on this thread and returns the previous mode (PyTorch engine). */
    static boolean pause() {
        boolean prev = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return prev;
    }

    /** Restores the grad mode returned by {@link #pause()}. */
    static void restore(boolean prev) {
        JniUtils.setGradMode(prev);
    }

    /**
     * A new handle on {@code p}'s gradient (close it), or null when the array does not require a
     * gradient or no backward pass has reached it yet (fastai skips such parameters).
     */
    static NDArray gradientOrNull(NDArray p) {
        if (!p.hasGradient()) {
            return null;
        }
        if (p instanceof PtNDArray pt) {
            return JniUtils.getGradient(pt);
        }
        return p.getGradient();
    }

    /**
     * Clears {@code p}'s gradient, if it has one (also when {@code p} is frozen now). On PyTorch as
     * {@code zero_grad(set_to_none=True)} does: {@code p}'s handle moves to a new tensor on the same
     * storage without a gradient (values, the NDArray object and its requires-grad flag unchanged;
     * the old tensor and its gradient are freed once the last graph that used them is), so the next
     * backward pass hands {@code p} its gradient as computed instead of filling zeros and adding to
     * them: two passes over every gradient saved. Until then {@link #gradientOrNull} gives null (the
     * optimizer skips the parameter, as fastai does one without a gradient) and DJL's
     * {@code getGradient()} zeros.
     */
    static void zeroGrad(NDArray p) {
        if (p instanceof PtNDArray pt) {
            try (NDArray g = JniUtils.getGradient(pt)) {
                if (g == null) {
                    return;
                }
            }
            boolean requiresGrad = JniUtils.requiresGrad(pt);
            PtNDArray fresh = JniUtils.detachGradient(pt);
            JniUtils.attachGradient(fresh, requiresGrad);
            pt.intern(fresh);
        } else if (p.hasGradient()) {
            try (NDArray g = p.getGradient()) {
                g.muli(0);
            }
        }
    }

    /** Copies {@code src} into {@code dst} in place (same shape), keeping {@code dst}'s identity. */
    static void copyInto(NDArray dst, NDArray src) {
        dst.set(new ai.djl.ndarray.index.NDIndex("..."), src);
    }
}
