package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;

/**
 * What a {@link Stepper} sees for one parameter during {@link Optimizer#step()}: the parameter's
 * array (updated in place), its gradient, its {@link ParamState} and its group's hyper-parameters.
 * Valid only during the call; steppers run with autograd off.
 */
public final class StepContext {
    private final NDArray param;
    private final NDArray grad;
    private final ParamState state;
    private final Map<String, double[]> hypers;
    private final NDManager stateManager;

    StepContext(NDArray param, NDArray grad, ParamState state, Map<String, double[]> hypers,
            NDManager stateManager) {
        this.param = param;
        this.grad = grad;
        this.state = state;
        this.hypers = hypers;
        this.stateManager = stateManager;
    }

    /** {@return the parameter's array: update it in place} */
    public NDArray param() {
        return param;
    }

    /** {@return the parameter's gradient (a view on the real gradient: in-place changes stick, as in fastai's {@code l2_reg})} */
    public NDArray grad() {
        return grad;
    }

    /** {@return the parameter's state} */
    public ParamState state() {
        return state;
    }

    /**
     * The value of hyper-parameter {@code key} for this parameter's group.
     *
     * @param key the hyper-parameter name, e.g. {@code lr}, {@code mom}, {@code sqr_mom},
     *     {@code eps}, {@code wd}
     * @return its current value for this parameter's group
     * @throws IllegalStateException if the optimizer has no such hyper-parameter
     */
    public double hyper(String key) {
        double[] values = hypers.get(key);
        if (values == null) {
            throw new IllegalStateException("optimizer has no hyper-parameter '" + key + "'; it has " + hypers.keySet());
        }
        return values[state.group()];
    }

    /**
     * {@return the state array {@code name}, created as zeros shaped like the parameter (in the state manager) on first use}
     *
     * @param name the state's name, e.g. {@code grad_avg} or {@code sqr_avg}
     */
    public NDArray stateArray(String name) {
        NDArray a = state.array(name);
        if (a == null) {
            a = stateManager.zeros(param.getShape(), param.getDataType(), param.getDevice());
            a.setName(state.key() + "." + name);
            state.putArray(name, a);
        }
        return a;
    }
}
