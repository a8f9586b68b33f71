package org.fastai4j.optim;

/**
 * A hyper-parameter schedule: the value at training progress {@code pos}, fastai's scheduling
 * functions ({@code SchedLin}, {@code SchedCos}, {@code combine_scheds}, ...). {@code pos} runs from
 * 0 (start of training) to 1 (end); build schedules with {@link Schedules}.
 */
@FunctionalInterface
public interface Schedule {
    /**
     * {@return the value of the hyper-parameter at progress {@code pos}}
     *
     * @param pos the progress through training, usually in [0, 1] (0 at the first batch, the
     *     fraction of training batches done before the current one)
     */
    double at(double pos);
}
