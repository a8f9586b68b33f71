package org.fastai4j.optim;

/**
 * A hyper-parameter schedule: the value at training progress {@code pos}, fastai's scheduling
 * functions ({@code SchedLin}, {@code SchedCos}, {@code combine_scheds}, ...). {@code pos} runs from
 * 0 (start of training) to 1 (end); build schedules with {@link Schedules}.
 */
@FunctionalInterface
public interface Schedule {
    /** {@return the value at progress {@code pos}, usually in [0, 1]} */
    double at(double pos);
}
