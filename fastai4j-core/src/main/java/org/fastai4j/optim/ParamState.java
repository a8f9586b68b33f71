package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optimizer state of one parameter, fastai's {@code self.state[p]}: its moving averages
 * (named arrays such as {@code grad_avg}, {@code sqr_avg}), its step count, and two flags kept
 * across {@link Optimizer#clearState()} as fastai's {@code _keep_on_clear}: {@code doWd} (weight
 * decay applies) and {@code forceTrain} (trains even in a frozen group).
 */
public final class ParamState {
    private final Parameter parameter;
    private final String key;
    private final int group;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();
    private long step;
    private boolean doWd = true;
    private boolean forceTrain;

    ParamState(Parameter parameter, String key, int group) {
        this.parameter = parameter;
        this.key = key;
        this.group = group;
    }

    /** {@return the parameter} */
    public Parameter parameter() {
        return parameter;
    }

    /** {@return the stable name of this parameter in {@link Optimizer#stateDict()} keys} */
    public String key() {
        return key;
    }

    /** {@return the index of this parameter's group} */
    public int group() {
        return group;
    }

    /**
     * Steps counted so far (fastai's {@code step_stat}).
     *
     * @return the number of optimizer steps taken for this parameter since its state was last
     *     cleared (0 before the first); Adam-style steppers use it for bias correction
     */
    public long step() {
        return step;
    }

    /**
     * Sets the step count (the step-counting stepper adds one each step; loading a state dict
     * restores it).
     *
     * @param step the number of steps taken, {@code >= 0}
     */
    public void setStep(long step) {
        this.step = step;
    }

    /** {@return whether weight decay applies to this parameter (fastai's {@code do_wd})} */
    public boolean doWd() {
        return doWd;
    }

    void setDoWd(boolean doWd) {
        this.doWd = doWd;
    }

    /** {@return whether this parameter trains even in a frozen group (fastai's {@code force_train})} */
    public boolean forceTrain() {
        return forceTrain;
    }

    void setForceTrain(boolean forceTrain) {
        this.forceTrain = forceTrain;
    }

    /**
     * {@return the state array {@code name}, or null when absent}
     *
     * @param name the state's name, e.g. {@code grad_avg} or {@code sqr_avg}
     */
    public NDArray array(String name) {
        return arrays.get(name);
    }

    /**
     * Stores state array {@code name}, closing any previous one; this state owns it from now on.
     *
     * @param name the state's name, e.g. {@code grad_avg} or {@code sqr_avg}
     * @param array the array, shaped like the parameter, on its device
     */
    public void putArray(String name, NDArray array) {
        NDArray old = arrays.put(name, array);
        if (old != null && old != array) {
            old.close();
        }
    }

    /** {@return the state arrays, read-only, in insertion order} */
    public Map<String, NDArray> arrays() {
        return Collections.unmodifiableMap(arrays);
    }

    /** Closes every state array and resets the step count; keeps {@code doWd} and {@code forceTrain}. */
    void clear() {
        arrays.values().forEach(NDArray::close);
        arrays.clear();
        step = 0;
    }
}
