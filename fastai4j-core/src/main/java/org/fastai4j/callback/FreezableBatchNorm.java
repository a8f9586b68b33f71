package org.fastai4j.callback;

/**
 * A batch-norm block that can run in eval mode on its own while the rest of the model trains
 * (torch's {@code module.eval()} on one layer): in eval mode it normalizes with its running
 * statistics and leaves them unchanged, even in a training forward pass. DJL passes one
 * {@code training} flag to the whole model, so {@link BnFreeze} needs blocks that implement this.
 */
public interface FreezableBatchNorm {

    /**
     * Switches eval mode on or off.
     *
     * @param evalMode true to normalize with the running statistics and keep them frozen, false
     *     to return to the ordinary behaviour (batch statistics and running-statistic updates in
     *     training forward passes)
     */
    void setEvalMode(boolean evalMode);

    /** {@return whether the block is in eval mode} */
    boolean evalMode();
}
