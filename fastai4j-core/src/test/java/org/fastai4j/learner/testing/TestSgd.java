package org.fastai4j.learner.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.optim.Optimizer;
import org.fastai4j.optim.OptimizerFactory;
import org.fastai4j.optim.ParamGroup;

/**
 * TEST FIXTURE: a minimal fastai-style SGD with momentum ({@code grad_avg = mom*grad_avg + grad},
 * {@code p -= lr*grad_avg}) and decoupled weight decay ({@code p *= 1 - lr*wd}), with per-group
 * hyper-parameters {@code lr}, {@code mom}, {@code wd} and fastai's freezing. For loop tests only.
 */
public final class TestSgd extends Optimizer {
    private final List<ParamGroup> groups;
    private final NDManager stateManager;
    private final Map<String, double[]> hypers = new LinkedHashMap<>();
    private final Map<Parameter, NDArray> gradAvg = new HashMap<>();
    private int frozenUpTo;
    /** How many times {@link #step()} ran (for tests). */
    public int steps;

    /** Creates the optimizer. */
    public TestSgd(List<ParamGroup> groups, NDManager stateManager, double mom) {
        this.groups = List.copyOf(groups);
        this.stateManager = stateManager;
        hypers.put("lr", filled(1e-3));
        hypers.put("mom", filled(mom));
        hypers.put("wd", filled(0));
    }

    /** The factory (momentum 0.9). */
    public static OptimizerFactory factory() {
        return (groups, manager) -> new TestSgd(groups, manager, 0.9);
    }

    /** The factory with momentum {@code mom}. */
    public static OptimizerFactory factory(double mom) {
        return (groups, manager) -> new TestSgd(groups, manager, mom);
    }

    private double[] filled(double v) {
        double[] a = new double[groups.size()];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public List<ParamGroup> paramGroups() {
        return groups;
    }

    @Override
    public void step() {
        steps++;
        for (int gi = frozenUpTo; gi < groups.size(); gi++) {
            double lr = hypers.get("lr")[gi];
            double mom = hypers.get("mom")[gi];
            double wd = hypers.get("wd")[gi];
            for (Parameter p : groups.get(gi).parameters()) {
                NDArray w = p.getArray();
                if (!w.hasGradient()) {
                    continue;
                }
                try (NDArray g = w.getGradient()) {
                    if (wd != 0) {
                        w.muli(1 - lr * wd);
                    }
                    NDArray avg = gradAvg.get(p);
                    if (avg == null) {
                        avg = g.duplicate();
                        avg.attach(stateManager);
                        gradAvg.put(p, avg);
                    } else {
                        avg.muli(mom).addi(g);
                    }
                    try (NDArray upd = avg.mul(lr)) {
                        w.subi(upd);
                    }
                }
            }
        }
    }

    @Override
    public void zeroGrad() {
        for (ParamGroup g : groups) {
            for (Parameter p : g.parameters()) {
                NDArray w = p.getArray();
                if (w.hasGradient()) {
                    JniUtils.zeroGrad((PtNDArray) w);
                }
            }
        }
    }

    @Override
    public void setHyper(String key, double... values) {
        if (!hypers.containsKey(key)) {
            throw new IllegalArgumentException("TestSgd has no hyper-parameter '" + key + "'");
        }
        if (values.length == 1) {
            hypers.put(key, filled(values[0]));
        } else if (values.length == groups.size()) {
            hypers.put(key, values.clone());
        } else {
            throw new IllegalArgumentException("got " + values.length + " values for " + groups.size() + " groups");
        }
    }

    @Override
    public double[] hyper(String key) {
        double[] v = hypers.get(key);
        if (v == null) {
            throw new IllegalArgumentException("TestSgd has no hyper-parameter '" + key + "'");
        }
        return v.clone();
    }

    @Override
    public void freezeTo(int n) {
        frozenUpTo = n >= 0 ? n : groups.size() + n;
        for (int gi = 0; gi < groups.size(); gi++) {
            for (Parameter p : groups.get(gi).parameters()) {
                p.freeze(gi < frozenUpTo);
            }
        }
    }

    /** The index of the first trainable group. */
    public int frozenUpTo() {
        return frozenUpTo;
    }

    @Override
    public Map<String, NDArray> stateDict() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        int i = 0;
        for (ParamGroup g : groups) {
            for (Parameter p : g.parameters()) {
                NDArray a = gradAvg.get(p);
                if (a != null) {
                    NDArray c = a.duplicate(); // a copy the caller owns, as StepperOptimizer
                    c.attach(stateManager);
                    out.put(i + ".grad_avg", c);
                }
                i++;
            }
        }
        return out;
    }

    @Override
    public void loadStateDict(Map<String, NDArray> state) {
        clearState();
        int i = 0;
        for (ParamGroup g : groups) {
            for (Parameter p : g.parameters()) {
                NDArray a = state.get(i + ".grad_avg");
                if (a != null) {
                    NDArray c = stateManager.zeros(a.getShape(), a.getDataType());
                    c.set(new NDIndex("..."), a);
                    gradAvg.put(p, c);
                }
                i++;
            }
        }
    }

    @Override
    public void clearState() {
        new ArrayList<>(gradAvg.values()).forEach(NDArray::close);
        gradAvg.clear();
    }
}
