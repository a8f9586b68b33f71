package org.fastai4j.optim;

/**
 * One piece of an optimizer update, fastai's optimizer callbacks ({@code weight_decay},
 * {@code average_grad}, {@code adam_step}, ...): it reads the parameter, its gradient, its state
 * and the group's hyper-parameters from the context and updates them in place. A
 * {@link StepperOptimizer} runs its steppers in order for every parameter it trains.
 */
@FunctionalInterface
public interface Stepper {
    /**
     * Applies this piece of the update for one parameter.
     *
     * @param ctx the parameter, its gradient, state and hyper-parameters; valid only during the call
     */
    void apply(StepContext ctx);
}
