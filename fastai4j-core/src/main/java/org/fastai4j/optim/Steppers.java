package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;

/**
 * fastai's optimizer callbacks ({@code optimizer.py}) as {@link Stepper}s, each updating arrays
 * in place with DJL's in-place ops and closing its temporaries at once. Hyper-parameters are read
 * from the group at every step, so a change (a scheduled {@code mom}) takes effect immediately.
 * Scalars are applied in float32 precision, as PyTorch does for float tensors.
 */
public final class Steppers {
    /** State array name of the gradient moving average. */
    public static final String GRAD_AVG = "grad_avg";
    /** State array name of the squared-gradient moving average. */
    public static final String SQR_AVG = "sqr_avg";

    private Steppers() {
    }

    /**
     * fastai's {@code weight_decay}: {@code p *= 1 - lr*wd} when {@code do_wd} and {@code wd != 0}.
     *
     * @return the stepper
     */
    public static Stepper weightDecay() {
        return ctx -> {
            double wd = ctx.hyper("wd");
            if (ctx.state().doWd() && wd != 0) {
                ctx.param().muli((float) (1 - ctx.hyper("lr") * wd));
            }
        };
    }

    /**
     * fastai's {@code l2_reg}: {@code grad += wd*p} (in the real gradient) when {@code do_wd} and {@code wd != 0}.
     *
     * @return the stepper
     */
    public static Stepper l2Reg() {
        return ctx -> {
            double wd = ctx.hyper("wd");
            if (ctx.state().doWd() && wd != 0) {
                try (NDArray t = ctx.param().mul((float) wd)) {
                    ctx.grad().addi(t);
                }
            }
        };
    }

    /**
     * fastai's {@code average_grad}: {@code grad_avg = grad_avg*mom + damp*grad}, {@code damp = 1-mom} if dampening else 1.
     *
     * @param dampening whether the new value is scaled by {@code 1 - mom} (else by 1)
     * @return the stepper
     */
    public static Stepper averageGrad(boolean dampening) {
        return ctx -> {
            double mom = ctx.hyper("mom");
            NDArray avg = ctx.stateArray(GRAD_AVG);
            avg.muli((float) mom);
            if (dampening) {
                try (NDArray t = ctx.grad().mul((float) (1 - mom))) {
                    avg.addi(t);
                }
            } else {
                avg.addi(ctx.grad());
            }
        };
    }

    /**
     * fastai's {@code average_sqr_grad}: {@code sqr_avg = sqr_avg*sqr_mom + damp*grad²}, {@code damp = 1-sqr_mom} if dampening else 1.
     *
     * @param dampening whether the new value is scaled by {@code 1 - mom} (else by 1)
     * @return the stepper
     */
    public static Stepper averageSqrGrad(boolean dampening) {
        return ctx -> {
            double sqrMom = ctx.hyper("sqr_mom");
            NDArray avg = ctx.stateArray(SQR_AVG);
            avg.muli((float) sqrMom);
            try (NDArray t = ctx.grad().square()) {
                if (dampening) {
                    t.muli((float) (1 - sqrMom));
                }
                avg.addi(t);
            }
        };
    }

    /**
     * fastai's {@code step_stat}: counts the steps.
     *
     * @return the stepper
     */
    public static Stepper stepStat() {
        return ctx -> ctx.state().setStep(ctx.state().step() + 1);
    }

    /**
     * fastai's {@code sgd_step}: {@code p -= lr*grad}.
     *
     * @return the stepper
     */
    public static Stepper sgdStep() {
        return ctx -> subScaled(ctx.param(), ctx.grad(), ctx.hyper("lr"));
    }

    /**
     * fastai's {@code momentum_step}: {@code p -= lr*grad_avg}.
     *
     * @return the stepper
     */
    public static Stepper momentumStep() {
        return ctx -> subScaled(ctx.param(), ctx.stateArray(GRAD_AVG), ctx.hyper("lr"));
    }

    /**
     * fastai's {@code rms_prop_step}: {@code p -= lr * (grad_avg or grad) / (sqrt(sqr_avg) + eps)}.
     *
     * @return the stepper
     */
    public static Stepper rmsPropStep() {
        return ctx -> {
            NDArray num = ctx.state().array(GRAD_AVG) != null ? ctx.state().array(GRAD_AVG) : ctx.grad();
            try (NDArray denom = sqrtPlusEps(ctx.stateArray(SQR_AVG), (float) ctx.hyper("eps"))) {
                divSub(ctx.param(), num, denom, ctx.hyper("lr"));
            }
        };
    }

    /**
     * fastai's {@code debias}: {@code damp * (1 - mom^step) / (1 - mom)}.
     *
     * @param mom the averaging coefficient
     * @param damp the weight of each new value
     * @param step the number of steps taken
     * @return the bias correction
     */
    public static double debias(double mom, double damp, long step) {
        return damp * (1 - Math.pow(mom, step)) / (1 - mom);
    }

    /**
     * fastai's {@code adam_step}: {@code p -= lr/debias1 * grad_avg / (sqrt(sqr_avg/debias2) + eps)}.
     *
     * @return the stepper
     */
    public static Stepper adamStep() {
        return ctx -> {
            double[] debias = adamDebias(ctx);
            try (NDArray denom = adamDenominator(ctx, debias[1])) {
                divSub(ctx.param(), ctx.stateArray(GRAD_AVG), denom, ctx.hyper("lr") / debias[0]);
            }
        };
    }

    /**
     * fastai's {@code [average_grad(dampening=True), average_sqr_grad, step_stat, adam_step]} as one
     * stepper (what {@link Optimizers#adam()} runs after the weight decay): the same update, with the
     * arithmetic arranged for fewer passes over each parameter (the optimizer is memory-bound: on
     * ResNet-18 it took a third of a CPU training step). With {@code t = (1-mom)*grad}:
     * {@code grad_avg = mom*grad_avg + t}; {@code sqr_avg = sqr_mom*sqr_avg + t²·(1-sqr_mom)/(1-mom)²}
     * ({@code = (1-sqr_mom)*grad²}); and, since {@code sqrt(sqr_avg/debias2) + eps =
     * (sqrt(sqr_avg) + eps*sqrt(debias2)) / sqrt(debias2)},
     * {@code p -= (lr*sqrt(debias2)/debias1) * grad_avg / (sqrt(sqr_avg) + eps*sqrt(debias2))}.
     * Twelve passes and three temporaries (one the floor of {@link #sqrtPlusEps}) instead of
     * thirteen and four; equal to the separate steppers up to float rounding. The gradient is left
     * unchanged.
     *
     * @return the stepper
     */
    public static Stepper adamFused() {
        return ctx -> {
            double mom = ctx.hyper("mom");
            double sqrMom = ctx.hyper("sqr_mom");
            NDArray avg = ctx.stateArray(GRAD_AVG);
            NDArray sqr = ctx.stateArray(SQR_AVG);
            ctx.state().setStep(ctx.state().step() + 1);
            double[] debias = adamDebias(ctx);
            try (NDArray t = ctx.grad().mul((float) (1 - mom))) {
                avg.muli((float) mom).addi(t);
                // mom = 1 is NaN here as in fastai (its debias is 0/0)
                t.muli(t).muli((float) ((1 - sqrMom) / ((1 - mom) * (1 - mom))));
                sqr.muli((float) sqrMom).addi(t);
            }
            double root2 = Math.sqrt(debias[1]);
            try (NDArray denom = sqrtPlusEps(sqr, (float) (ctx.hyper("eps") * root2))) {
                divSub(ctx.param(), avg, denom, ctx.hyper("lr") * root2 / debias[0]);
            }
        };
    }

    /**
     * fastai's {@code radam_step}: with {@code r_inf = 2/(1-sqr_mom) - 1} and
     * {@code r = r_inf - 2*step*sqr_mom^step/(1-sqr_mom^step)}, if {@code r > 5} an Adam step
     * rectified by {@code v = sqrt((r-4)(r-2)r_inf / ((r_inf-4)(r_inf-2)r))} (denominator passed
     * through {@code softplus(., beta)} when {@code beta != 0}), else SGD with momentum
     * {@code p -= lr/debias1 * grad_avg}.
     *
     * @return the stepper
     */
    public static Stepper radamStep() {
        return ctx -> {
            double sqrMom = ctx.hyper("sqr_mom");
            double beta = ctx.hyper("beta");
            long step = ctx.state().step();
            double[] debias = adamDebias(ctx);
            double debias1 = debias[0];
            double debias2 = debias[1];
            double rInf = 2 / (1 - sqrMom) - 1;
            double r = rInf - 2 * step * Math.pow(sqrMom, step) / (1 - Math.pow(sqrMom, step));
            NDArray gradAvg = ctx.stateArray(GRAD_AVG);
            if (r > 5) {
                double v = Math.sqrt(((r - 4) * (r - 2) * rInf) / ((rInf - 4) * (rInf - 2) * r));
                try (NDArray denom = adamDenominator(ctx, debias2)) {
                    if (beta != 0) {
                        softplusInPlace(denom, beta);
                    }
                    divSub(ctx.param(), gradAvg, denom, ctx.hyper("lr") * v / debias1);
                }
            } else {
                subScaled(ctx.param(), gradAvg, ctx.hyper("lr") / debias1);
            }
        };
    }

    /**
     * fastai's {@code lamb_step}: {@code s = (grad_avg/debias1) / (sqrt(sqr_avg/debias2) + eps)},
     * trust ratio {@code q = min(rms(p)/rms(s), 10)} (1 if either is 0), {@code p -= lr*q*s}.
     *
     * @return the stepper
     */
    public static Stepper lambStep() {
        return ctx -> {
            double[] debias = adamDebias(ctx);
            NDArray p = ctx.param();
            float r1 = rms(p);
            try (NDArray denom = adamDenominator(ctx, debias[1]);
                    NDArray s = ctx.stateArray(GRAD_AVG).div((float) debias[0])) {
                s.divi(denom);
                float r2 = rms(s);
                float q = (r1 == 0 || r2 == 0) ? 1f : Math.min(r1 / r2, 10f);
                subScaled(p, s, ctx.hyper("lr") * q);
            }
        };
    }

    /**
     * Adam's bias corrections of this step: {@code {debias(mom, 1-mom, step), debias(sqr_mom,
     * 1-sqr_mom, step)}}, for the gradient average and the squared-gradient average.
     */
    private static double[] adamDebias(StepContext ctx) {
        double mom = ctx.hyper("mom");
        double sqrMom = ctx.hyper("sqr_mom");
        long step = ctx.state().step();
        return new double[] {debias(mom, 1 - mom, step), debias(sqrMom, 1 - sqrMom, step)};
    }

    /**
     * Adam's denominator {@code sqrt(sqr_avg / debias2) + eps}, as a new array (close it): with torch's
     * square root as fastai takes it, not {@code pow(0.5)} (DJL passes the exponent as a tensor, which
     * takes libtorch's generic pow: 4x slower, and 1 ulp off the square root for ~2% of values).
     */
    private static NDArray adamDenominator(StepContext ctx, double debias2) {
        try (NDArray scaled = ctx.stateArray(SQR_AVG).div((float) debias2)) {
            return sqrtPlusEps(scaled, (float) ctx.hyper("eps"));
        }
    }

    /** The smallest {@code eps} for which {@link #sqrtPlusEps} floors its input: 2^-38. */
    static final float FLOOR_EPS_MIN = 0x1p-38f;

    /**
     * {@code sqrt(x) + eps} as a new array (close it), bit for bit. Where {@code eps >= 2^-38}, x is
     * first floored at the smallest normal float: that changes no result (the square root of a value
     * below it is at most 2^-63, less than half a unit in the last place of {@code eps}, so the sum
     * rounds to the same float) and keeps zeros and subnormals off the special-value path of
     * libtorch's MKL square root, 5-10 times slower on them. Second moments are often zero: with
     * 28×28 inputs most of ResNet-18's last-stage weights never get a gradient.
     */
    static NDArray sqrtPlusEps(NDArray x, float eps) {
        NDArray root;
        if (eps >= FLOOR_EPS_MIN) {
            try (NDArray floored = x.maximum(Float.MIN_NORMAL)) {
                root = floored.sqrt();
            }
        } else {
            root = x.sqrt();
        }
        return root.addi(eps);
    }

    /** {@code p -= scale * x}. */
    private static void subScaled(NDArray p, NDArray x, double scale) {
        try (NDArray t = x.mul((float) scale)) {
            p.subi(t);
        }
    }

    /** {@code p -= scale * num / denom}; overwrites nothing but {@code p}. */
    private static void divSub(NDArray p, NDArray num, NDArray denom, double scale) {
        try (NDArray t = num.div(denom)) {
            t.muli((float) scale);
            p.subi(t);
        }
    }

    private static float rms(NDArray x) {
        try (NDArray sq = x.square();
                NDArray mean = sq.mean();
                NDArray root = mean.sqrt()) {
            return root.toArray()[0].floatValue();
        }
    }

    /** {@code x = softplus(x, beta)} as torch's {@code F.softplus} (threshold 20: linear where {@code beta*x > 20}). */
    private static void softplusInPlace(NDArray x, double beta) {
        try (NDArray bx = x.mul((float) beta);
                NDArray e = bx.exp().addi(1f);
                NDArray l = e.log();
                NDArray soft = l.div((float) beta);
                NDArray linear = bx.gt(20f);
                NDArray res = ai.djl.ndarray.NDArrays.where(linear, x, soft)) {
            Autograd.copyInto(x, res);
        }
    }
}
