package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;

/**
 * CONTRACT SKELETON (to be implemented by the optim work): fastai's {@code Optimizer} over DJL
 * parameters, with parameter groups and per-group hyper-parameters ({@code lr}, {@code mom},
 * {@code sqr_mom}, {@code eps}, {@code wd}). Updates parameters in place, never through DJL's
 * {@link ParameterStore}.
 */
public abstract class Optimizer {

    /** {@return the parameter groups, in order (the last is usually the head)} */
    public abstract List<ParamGroup> paramGroups();

    /** One update of every trainable parameter from its gradient, then nothing else. */
    public abstract void step();

    /**
     * Clears every trainable parameter's gradient, so that the next backward pass starts from zero.
     * On PyTorch the gradient is dropped (PyTorch's {@code set_to_none}) rather than filled with
     * zeros: until the next backward pass a parameter has no gradient, and DJL's
     * {@code getGradient()} returns a new array of zeros.
     */
    public abstract void zeroGrad();

    /**
     * Sets hyper-parameter {@code key} for each group ({@code values.length} = group count, or 1 for all).
     *
     * @param key the hyper-parameter name (e.g. lr, mom, wd)
     * @param values one value per group, or one for all groups
     */
    public abstract void setHyper(String key, double... values);

    /**
     * {@return the value of hyper-parameter {@code key} for each group}
     *
     * @param key the hyper-parameter name (e.g. lr, mom, wd)
     */
    public abstract double[] hyper(String key);

    /**
     * Whether this optimizer has hyper-parameter {@code key} (a scheduler can skip {@code mom} for an
     * optimizer without one; {@link #setHyper} refuses unknown keys).
     *
     * @param key the hyper-parameter name (e.g. lr, mom, wd)
     * @return true if it has it
     */
    public boolean hasHyper(String key) {
        try {
            hyper(key);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Freezes every group before {@code n} (negative counts from the end), as fastai's {@code freeze_to}.
     *
     * @param n the index of the first trainable group
     */
    public abstract void freezeTo(int n);

    /** Freezes all groups but the last. */
    public void freeze() {
        freezeTo(-1);
    }

    /** Makes every group trainable. */
    public void unfreeze() {
        freezeTo(0);
    }

    /**
     * The optimizer state (moving averages, step counts) as named arrays, for checkpoints. In
     * {@link StepperOptimizer} and {@link Lookahead} every array is a NEW copy attached to the
     * optimizer's state manager: the caller owns it (close it, or attach it to its own manager;
     * no need to duplicate it again).
     *
     * @return the state arrays by name
     */
    public abstract Map<String, NDArray> stateDict();

    /**
     * Restores a state written by {@link #stateDict()}.
     *
     * @param state the named arrays
     */
    public abstract void loadStateDict(Map<String, NDArray> state);

    /** Forgets all state (after a freeze change, as fastai). */
    public abstract void clearState();

    /**
     * Whether norm-layer parameters ({@code GAMMA}/{@code BETA}) of frozen groups still train
     * (fastai's {@code train_bn}, default true). Optional: this default refuses.
     *
     * @throws UnsupportedOperationException if this optimizer has no such option
     * @param trainBn whether norm-layer parameters of frozen groups train
     */
    public void setTrainBn(boolean trainBn) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support trainBn");
    }

    /**
     * Whether weight decay also applies to norm-layer parameters and biases (fastai's
     * {@code wd_bn_bias}, default false). Optional: this default refuses.
     *
     * @throws UnsupportedOperationException if this optimizer has no such option
     * @param wdBnBias whether weight decay applies to norm-layer parameters and biases
     */
    public void setWdBnBias(boolean wdBnBias) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support wdBnBias");
    }
}
