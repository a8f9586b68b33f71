/**
 * Optimizers, parameter groups and schedules, fastai's {@code optimizer.py} and the schedule
 * functions of {@code callback/schedule.py}.
 *
 * <ul>
 *   <li>{@link org.fastai4j.optim.Optimizer}: the contract the learner uses (step, zeroGrad,
 *       per-group hyper-parameters, freezing, state dict).</li>
 *   <li>{@link org.fastai4j.optim.StepperOptimizer}: fastai's design, a list of
 *       {@link org.fastai4j.optim.Stepper}s ({@link org.fastai4j.optim.Steppers}: weight decay,
 *       moving averages, Adam/RAdam/Lamb/RMSProp/SGD steps) run in order on each trainable
 *       parameter with a {@link org.fastai4j.optim.ParamState}; updates run in place with autograd
 *       off, never through DJL's {@code ParameterStore}/{@code Trainer}.</li>
 *   <li>{@link org.fastai4j.optim.Lookahead} wraps one ({@code ranger} = Lookahead(RAdam)).</li>
 *   <li>{@link org.fastai4j.optim.Optimizers}: the factories with fastai's defaults.</li>
 *   <li>{@link org.fastai4j.optim.Lr}: fastai's {@code lr}/{@code slice} per group.</li>
 *   <li>{@link org.fastai4j.optim.Schedule}/{@link org.fastai4j.optim.Schedules}: schedules and the
 *       one-cycle, flat-cos and SGDR recipes' schedules (the {@code ParamScheduler} callback lives in
 *       {@code org.fastai4j.callback}).</li>
 * </ul>
 *
 * <p>Freezing: {@code freezeTo(n)} stops updates (and weight decay) of groups before {@code n}
 * except norm parameters when {@code trainBn}, and turns their arrays' {@code requiresGradient} off
 * so backward skips them. As fastai's {@code Learner.freeze_to}, the learner calls
 * {@code clearState()} after every freeze change.
 */
package org.fastai4j.optim;
