package org.fastai4j.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fastai's optimizer functions ({@code SGD}, {@code RMSProp}, {@code Adam}, {@code RAdam},
 * {@code Lamb}, {@code ranger}) as {@link OptimizerFactory}s, with fastai's defaults. The initial
 * learning rate is 1e-3 (fastai's {@code Learner} default); the learner sets the real one.
 * {@code decoupleWd} chooses true weight decay ({@code p *= 1 - lr*wd}) or L2 regularization
 * ({@code grad += wd*p}).
 */
public final class Optimizers {
    /** The learning rate an optimizer starts with before the learner sets one. */
    public static final double DEFAULT_LR = 1e-3;

    private Optimizers() {
    }

    /**
     * fastai's {@code Adam}: mom 0.9, sqr_mom 0.99, eps 1e-5, wd 0.01, decoupled weight decay (AdamW).
     *
     * @return the optimizer factory
     */
    public static OptimizerFactory adam() {
        return adam(0.9, 0.99, 1e-5, 0.01, true);
    }

    /**
     * fastai's {@code Adam} with decoupled weight decay.
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param sqrMom the coefficient of the squared-gradient average
     * @param eps the term added to the denominator for stability
     * @param wd the weight decay
     * @return the optimizer factory
     */
    public static OptimizerFactory adam(double mom, double sqrMom, double eps, double wd) {
        return adam(mom, sqrMom, eps, wd, true);
    }

    /**
     * fastai's {@code Adam}: {@code [wd, average_grad(dampening), average_sqr_grad, step_stat, adam_step]},
     * the last four fused into {@link Steppers#adamFused()} (fewer passes, same update).
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param sqrMom the coefficient of the squared-gradient average
     * @param eps the term added to the denominator for stability
     * @param wd the weight decay
     * @param decoupleWd true: decoupled ({@code p *= 1 - lr*wd}, AdamW); false: L2 added to the gradient
     * @return the optimizer factory
     */
    public static OptimizerFactory adam(double mom, double sqrMom, double eps, double wd, boolean decoupleWd) {
        List<Stepper> cbs = wdSteppers(decoupleWd);
        cbs.add(Steppers.adamFused());
        return of(cbs, hypers("mom", mom, "sqr_mom", sqrMom, "eps", eps, "wd", wd));
    }

    /**
     * fastai's {@code SGD}: no momentum, no weight decay.
     *
     * @return the optimizer factory
     */
    public static OptimizerFactory sgd() {
        return sgd(0, 0, true);
    }

    /**
     * fastai's {@code SGD} with momentum {@code mom} and decoupled weight decay {@code wd}.
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param wd the weight decay
     * @return the optimizer factory
     */
    public static OptimizerFactory sgd(double mom, double wd) {
        return sgd(mom, wd, true);
    }

    /**
     * fastai's {@code SGD}: {@code [wd]}, then {@code sgd_step} when {@code mom == 0}, else
     * {@code average_grad} (no dampening) and {@code momentum_step}. As fastai, the choice is made
     * here: a later {@code mom} change cannot add momentum to an optimizer built without it.
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param wd the weight decay
     * @param decoupleWd true: decoupled ({@code p *= 1 - lr*wd}, AdamW); false: L2 added to the gradient
     * @return the optimizer factory
     */
    public static OptimizerFactory sgd(double mom, double wd, boolean decoupleWd) {
        List<Stepper> cbs = wdSteppers(decoupleWd);
        if (mom != 0) {
            cbs.add(Steppers.averageGrad(false));
            cbs.add(Steppers.momentumStep());
        } else {
            cbs.add(Steppers.sgdStep());
        }
        return of(cbs, hypers("mom", mom, "wd", wd));
    }

    /**
     * fastai's {@code RMSProp}: mom 0, sqr_mom 0.99, eps 1e-8, wd 0.
     *
     * @return the optimizer factory
     */
    public static OptimizerFactory rmsProp() {
        return rmsProp(0, 0.99, 1e-8, 0, true);
    }

    /**
     * fastai's {@code RMSProp}: {@code [wd, (average_grad if mom != 0), average_sqr_grad(no dampening), rms_prop_step]}.
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param sqrMom the coefficient of the squared-gradient average
     * @param eps the term added to the denominator for stability
     * @param wd the weight decay
     * @param decoupleWd true: decoupled ({@code p *= 1 - lr*wd}, AdamW); false: L2 added to the gradient
     * @return the optimizer factory
     */
    public static OptimizerFactory rmsProp(double mom, double sqrMom, double eps, double wd, boolean decoupleWd) {
        List<Stepper> cbs = wdSteppers(decoupleWd);
        if (mom != 0) {
            cbs.add(Steppers.averageGrad(false));
        }
        // fastai's average_sqr_grad defaults to dampening=True and RMSProp does not override it
        cbs.add(Steppers.averageSqrGrad(true));
        cbs.add(Steppers.rmsPropStep());
        return of(cbs, hypers("mom", mom, "sqr_mom", sqrMom, "eps", eps, "wd", wd));
    }

    /**
     * fastai's {@code RAdam}: mom 0.9, sqr_mom 0.99, eps 1e-5, wd 0, beta 0.
     *
     * @return the optimizer factory
     */
    public static OptimizerFactory rAdam() {
        return rAdam(0.9, 0.99, 1e-5, 0, 0, true);
    }

    /**
     * fastai's {@code RAdam}: {@code [wd, average_grad(dampening), average_sqr_grad, step_stat, radam_step]}; {@code beta != 0} is SAdam.
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param sqrMom the coefficient of the squared-gradient average
     * @param eps the term added to the denominator for stability
     * @param wd the weight decay
     * @param beta the softplus beta of the denominator (0: plain RAdam, else SAdam)
     * @param decoupleWd true: decoupled ({@code p *= 1 - lr*wd}, AdamW); false: L2 added to the gradient
     * @return the optimizer factory
     */
    public static OptimizerFactory rAdam(double mom, double sqrMom, double eps, double wd, double beta,
            boolean decoupleWd) {
        List<Stepper> cbs = wdSteppers(decoupleWd);
        cbs.addAll(List.of(Steppers.averageGrad(true), Steppers.averageSqrGrad(true), Steppers.stepStat(),
                Steppers.radamStep()));
        return of(cbs, hypers("mom", mom, "sqr_mom", sqrMom, "eps", eps, "wd", wd, "beta", beta));
    }

    /**
     * fastai's {@code Lamb}: mom 0.9, sqr_mom 0.99, eps 1e-5, wd 0.
     *
     * @return the optimizer factory
     */
    public static OptimizerFactory lamb() {
        return lamb(0.9, 0.99, 1e-5, 0, true);
    }

    /**
     * fastai's {@code Lamb}: {@code [wd, average_grad(dampening), average_sqr_grad, step_stat, lamb_step]}.
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param sqrMom the coefficient of the squared-gradient average
     * @param eps the term added to the denominator for stability
     * @param wd the weight decay
     * @param decoupleWd true: decoupled ({@code p *= 1 - lr*wd}, AdamW); false: L2 added to the gradient
     * @return the optimizer factory
     */
    public static OptimizerFactory lamb(double mom, double sqrMom, double eps, double wd, boolean decoupleWd) {
        List<Stepper> cbs = wdSteppers(decoupleWd);
        cbs.addAll(List.of(Steppers.averageGrad(true), Steppers.averageSqrGrad(true), Steppers.stepStat(),
                Steppers.lambStep()));
        return of(cbs, hypers("mom", mom, "sqr_mom", sqrMom, "eps", eps, "wd", wd));
    }

    /**
     * fastai's {@code ranger}: {@code Lookahead(RAdam(mom=0.95, wd=0.01, eps=1e-6), k=6, alpha=0.5)}.
     *
     * @return the optimizer factory
     */
    public static OptimizerFactory ranger() {
        return ranger(0.95, 0.01, 1e-6, 6, 0.5);
    }

    /**
     * fastai's {@code ranger} with RAdam's other defaults (sqr_mom 0.99, beta 0, decoupled wd).
     *
     * @param mom the momentum (coefficient of the gradient average)
     * @param wd the weight decay
     * @param eps the term added to the denominator for stability
     * @param k the number of steps between syncs of the slow weights
     * @param alpha how far the slow weights move towards the fast ones at a sync
     * @return the optimizer factory
     */
    public static OptimizerFactory ranger(double mom, double wd, double eps, int k, double alpha) {
        return lookahead(rAdam(mom, 0.99, eps, wd, 0, true), k, alpha);
    }

    /**
     * fastai's {@code Lookahead} around an optimizer built by {@code inner}, which must build a
     * {@link StepperOptimizer} (every factory of this class does).
     *
     * @param inner builds the wrapped optimizer
     * @param k the number of steps between syncs of the slow weights
     * @param alpha how far the slow weights move towards the fast ones at a sync
     * @return the optimizer factory
     */
    public static OptimizerFactory lookahead(OptimizerFactory inner, int k, double alpha) {
        return (groups, manager) -> {
            Optimizer opt = inner.create(groups, manager);
            if (!(opt instanceof StepperOptimizer stepper)) {
                throw new IllegalArgumentException("Lookahead wraps a StepperOptimizer, got " + opt.getClass().getName());
            }
            return new Lookahead(stepper, k, alpha);
        };
    }

    /**
     * A custom optimizer, as fastai's {@code Optimizer(params, cbs, **defaults)}: the steppers run in
     * order; {@code defaults} lists every hyper-parameter they read (lr is added if missing).
     *
     * @param steppers the steps run, in order, on each parameter
     * @param defaults the default of every hyper-parameter the steppers read
     * @return the optimizer factory
     */
    public static OptimizerFactory of(List<Stepper> steppers, Map<String, Double> defaults) {
        List<Stepper> cbs = List.copyOf(steppers);
        Map<String, Double> hp = new LinkedHashMap<>();
        hp.put("lr", DEFAULT_LR);
        hp.putAll(defaults);
        for (Map.Entry<String, Double> e : hp.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("hyper-parameter '" + e.getKey() + "' must be finite, got " + e.getValue());
            }
        }
        return (groups, manager) -> new StepperOptimizer(groups, manager, cbs, hp);
    }

    private static List<Stepper> wdSteppers(boolean decoupleWd) {
        List<Stepper> cbs = new ArrayList<>();
        cbs.add(decoupleWd ? Steppers.weightDecay() : Steppers.l2Reg());
        return cbs;
    }

    private static Map<String, Double> hypers(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        }
        return m;
    }
}
