package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * fastai's {@code Optimizer}: a list of {@link Stepper}s run in order on every trainable parameter,
 * a {@link ParamState} per parameter and hyper-parameters per group. Updates parameters in place
 * with autograd off; state arrays live in the state manager given at creation.
 *
 * <p>A parameter is updated by {@link #step()} when its DJL {@link Parameter#requiresGradient()}
 * is true (never BatchNorm running statistics), a backward pass has given it a gradient, and its
 * group is not frozen or it is a norm parameter ({@code GAMMA}/{@code BETA}) with
 * {@link #setTrainBn trainBn} on. Weight decay skips norm parameters and biases ({@code BIAS})
 * unless {@link #setWdBnBias wdBnBias} is on (fastai's {@code wd_bn_bias=False}).
 *
 * <p>{@link #freezeTo} also switches {@code requiresGradient} of frozen parameters' arrays off (and
 * back on), in place, so backward skips them. As fastai's {@code Learner.freeze_to}, the caller
 * then calls {@link #clearState()}; this class does not clear state by itself.
 */
public class StepperOptimizer extends Optimizer {
    private static final Logger LOG = LoggerFactory.getLogger(StepperOptimizer.class);

    private final List<ParamGroup> groups;
    private final List<Stepper> steppers;
    private final NDManager stateManager;
    private final Map<String, double[]> hypers = new LinkedHashMap<>();
    private final List<ParamState> states = new ArrayList<>();
    private int frozenIdx;
    private boolean trainBn = true;
    private boolean wdBnBias;

    /**
     * Creates the optimizer.
     *
     * @param groups the parameter groups, each parameter initialized and in one group only
     * @param stateManager where the state arrays live
     * @param steppers the update pieces, run in order
     * @param defaults the hyper-parameters and their initial value for every group
     * @throws IllegalArgumentException if there is no group, a parameter is uninitialized or repeated
     */
    public StepperOptimizer(List<ParamGroup> groups, NDManager stateManager, List<Stepper> steppers,
            Map<String, Double> defaults) {
        if (groups == null || groups.isEmpty()) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter group");
        }
        this.groups = List.copyOf(groups);
        this.steppers = List.copyOf(steppers);
        this.stateManager = stateManager;
        defaults.forEach((k, v) -> {
            double[] values = new double[groups.size()];
            java.util.Arrays.fill(values, v);
            hypers.put(k, values);
        });
        List<Parameter> all = new ArrayList<>();
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> names = new HashSet<>();
        boolean unique = true;
        for (ParamGroup g : this.groups) {
            for (Parameter p : g.parameters()) {
                if (!seen.add(p)) {
                    throw new IllegalArgumentException("parameter '" + p.getName() + "' is in more than one group (group '"
                            + g.name() + "')");
                }
                if (!p.isInitialized()) {
                    throw new IllegalArgumentException("parameter '" + p.getName() + "' in group '" + g.name()
                            + "' is not initialized; initialize the model before creating its optimizer");
                }
                unique &= names.add(p.getName());
                all.add(p);
            }
        }
        int index = 0;
        for (int gi = 0; gi < this.groups.size(); gi++) {
            for (Parameter p : this.groups.get(gi).parameters()) {
                String key = unique ? p.getName() : index + "." + p.getName();
                states.add(new ParamState(p, key, gi));
                index++;
            }
        }
        applyFlags();
    }

    @Override
    public List<ParamGroup> paramGroups() {
        return groups;
    }

    /** {@return the per-parameter states, in group order} */
    public List<ParamState> states() {
        return Collections.unmodifiableList(states);
    }

    /** {@return the manager of the state arrays} */
    public NDManager stateManager() {
        return stateManager;
    }

    /** {@return the index of the first unfrozen group (0 when nothing is frozen)} */
    public int frozenIdx() {
        return frozenIdx;
    }

    @Override
    public void setTrainBn(boolean trainBn) {
        this.trainBn = trainBn;
        applyFlags();
        applyRequiresGrad();
    }

    @Override
    public void setWdBnBias(boolean wdBnBias) {
        this.wdBnBias = wdBnBias;
        applyFlags();
    }

    /**
     * {@return whether {@code state}'s parameter is updated now (trainable, and in an unfrozen group or forced)}
     *
     * @param state the parameter's optimizer state
     */
    public boolean isTrained(ParamState state) {
        return state.parameter().requiresGradient() && (state.group() >= frozenIdx || state.forceTrain());
    }

    @Override
    public void step() {
        boolean prev = Autograd.pause();
        try {
            for (ParamState s : states) {
                if (!isTrained(s)) {
                    continue;
                }
                NDArray p = s.parameter().getArray();
                NDArray g = Autograd.gradientOrNull(p);
                if (g == null) {
                    continue;
                }
                try (g) {
                    StepContext ctx = new StepContext(p, g, s, hypers, stateManager);
                    for (Stepper stepper : steppers) {
                        stepper.apply(ctx);
                    }
                }
            }
        } finally {
            Autograd.restore(prev);
        }
    }

    @Override
    public void zeroGrad() {
        for (ParamState s : states) {
            if (s.parameter().requiresGradient()) {
                Autograd.zeroGrad(s.parameter().getArray());
            }
        }
    }

    @Override
    public void setHyper(String key, double... values) {
        double[] current = knownHyper(key);
        if (values.length != 1 && values.length != current.length) {
            throw new IllegalArgumentException("got " + values.length + " values for '" + key + "' but there are "
                    + current.length + " parameter groups");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("hyper-parameter '" + key + "' must be finite, got " + v);
            }
        }
        for (int i = 0; i < current.length; i++) {
            current[i] = values.length == 1 ? values[0] : values[i];
        }
    }

    @Override
    public double[] hyper(String key) {
        return knownHyper(key).clone();
    }

    /** {@return the hyper-parameter names this optimizer has (e.g. lr, mom, sqr_mom, eps, wd)} */
    public Set<String> hyperKeys() {
        return Collections.unmodifiableSet(hypers.keySet());
    }

    @Override
    public void freezeTo(int n) {
        int size = groups.size();
        int idx = n >= 0 ? n : size + n;
        frozenIdx = Math.max(0, Math.min(idx, size));
        if (frozenIdx >= size) {
            LOG.warn("Freezing {} groups; model has {}; whole model is frozen.", idx, size);
        }
        applyRequiresGrad();
    }

    @Override
    public Map<String, NDArray> stateDict() {
        return OptimizerStates.write(states, hypers, stateManager);
    }

    @Override
    public void loadStateDict(Map<String, NDArray> state) {
        OptimizerStates.read(state, states, hypers, stateManager);
    }

    @Override
    public void clearState() {
        states.forEach(ParamState::clear);
    }

    private double[] knownHyper(String key) {
        double[] v = hypers.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown hyper-parameter '" + key + "'; this optimizer has " + hypers.keySet());
        }
        return v;
    }

    private void applyFlags() {
        for (ParamState s : states) {
            Parameter.Type type = s.parameter().getType();
            boolean norm = type == Parameter.Type.GAMMA || type == Parameter.Type.BETA;
            boolean bias = type == Parameter.Type.BIAS;
            s.setDoWd(wdBnBias || !(norm || bias));
            s.setForceTrain(trainBn && norm);
        }
    }

    private void applyRequiresGrad() {
        for (ParamState s : states) {
            if (s.parameter().requiresGradient()) {
                NDArray a = s.parameter().getArray();
                boolean rg = isTrained(s);
                if (a.hasGradient() != rg) {
                    a.setRequiresGradient(rg);
                }
            }
        }
    }
}
