package org.fastai4j.optim;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fastai's {@code Lookahead}: wraps an optimizer; every {@code k} steps the slow weights move
 * {@code alpha} of the way to the fast (current) weights, {@code slow += alpha*(fast - slow)}, and
 * the fast weights are reset to them. Slow weights are copied on the first step, for every
 * parameter that requires a gradient (never BatchNorm running statistics); they are part of the
 * state ({@code <param>.slow}, plus {@code optimizer.lookahead.count}).
 */
public final class Lookahead extends Optimizer {
    static final String COUNT_KEY = "optimizer.lookahead.count";
    static final String SLOW = "slow";

    private final StepperOptimizer inner;
    private final int k;
    private final double alpha;
    private long count;
    private List<NDArray> slow;

    /**
     * Wraps {@code inner}.
     *
     * @param inner the optimizer taking the fast steps (e.g. RAdam for fastai's {@code ranger});
     *     its parameter groups and hyper-parameters are this optimizer's
     * @param k how often the lookahead step runs (fastai default 6)
     * @param alpha the slow weights' moving-average coefficient (fastai default 0.5)
     * @throws IllegalArgumentException if {@code k < 1} or {@code alpha} is not in [0, 1]
     */
    public Lookahead(StepperOptimizer inner, int k, double alpha) {
        if (k < 1) {
            throw new IllegalArgumentException("Lookahead k must be >= 1, got " + k);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("Lookahead alpha must be in [0, 1], got " + alpha);
        }
        this.inner = inner;
        this.k = k;
        this.alpha = alpha;
    }

    /** {@return the wrapped optimizer} */
    public StepperOptimizer inner() {
        return inner;
    }

    /**
     * Steps done since the state was last cleared.
     *
     * @return the number of {@link #step()} calls since creation or the last
     *     {@link #clearState()}; the slow weights are updated when it is a multiple of k
     */
    public long count() {
        return count;
    }

    @Override
    public List<ParamGroup> paramGroups() {
        return inner.paramGroups();
    }

    @Override
    public void step() {
        if (slow == null) {
            copyWeights();
        }
        inner.step();
        count++;
        if (count % k != 0) {
            return;
        }
        boolean prev = Autograd.pause();
        try {
            List<ParamState> tracked = tracked();
            for (int i = 0; i < tracked.size(); i++) {
                NDArray fast = tracked.get(i).parameter().getArray();
                NDArray s = slow.get(i);
                try (NDArray diff = fast.sub(s)) {
                    diff.muli((float) alpha);
                    s.addi(diff);
                }
                Autograd.copyInto(fast, s);
            }
        } finally {
            Autograd.restore(prev);
        }
    }

    @Override
    public void zeroGrad() {
        inner.zeroGrad();
    }

    @Override
    public void setHyper(String key, double... values) {
        inner.setHyper(key, values);
    }

    @Override
    public double[] hyper(String key) {
        return inner.hyper(key);
    }

    @Override
    public void freezeTo(int n) {
        inner.freezeTo(n);
    }

    @Override
    public void setTrainBn(boolean trainBn) {
        inner.setTrainBn(trainBn);
    }

    @Override
    public void setWdBnBias(boolean wdBnBias) {
        inner.setWdBnBias(wdBnBias);
    }

    @Override
    public Map<String, NDArray> stateDict() {
        Map<String, NDArray> out = new LinkedHashMap<>(inner.stateDict());
        NDArray c = inner.stateManager().create(count);
        c.setName(COUNT_KEY);
        out.put(COUNT_KEY, c);
        if (slow != null) {
            List<ParamState> tracked = tracked();
            for (int i = 0; i < tracked.size(); i++) {
                NDArray copy = slow.get(i).duplicate();
                copy.setName(tracked.get(i).key() + "." + SLOW);
                out.put(copy.getName(), copy);
            }
        }
        return out;
    }

    @Override
    public void loadStateDict(Map<String, NDArray> state) {
        Map<String, NDArray> rest = new LinkedHashMap<>(state);
        NDArray countArray = rest.remove(COUNT_KEY);
        List<ParamState> tracked = tracked();
        Map<String, NDArray> slowEntries = new HashMap<>();
        for (ParamState s : tracked) {
            NDArray a = rest.remove(s.key() + "." + SLOW);
            if (a != null) {
                if (!a.getShape().equals(s.parameter().getArray().getShape())) {
                    throw new IllegalArgumentException("state entry '" + s.key() + "." + SLOW + "' has shape "
                            + a.getShape() + ", expected " + s.parameter().getArray().getShape());
                }
                slowEntries.put(s.key(), a);
            }
        }
        if (!slowEntries.isEmpty() && slowEntries.size() != tracked.size()) {
            throw new IllegalArgumentException("state has slow weights for " + slowEntries.size() + " of "
                    + tracked.size() + " parameters; expected all or none");
        }
        inner.loadStateDict(rest);
        closeSlow();
        count = countArray == null ? 0 : countArray.toArray()[0].longValue();
        if (!slowEntries.isEmpty()) {
            slow = new ArrayList<>();
            for (ParamState s : tracked) {
                slow.add(OptimizerStates.copyFor(slowEntries.get(s.key()), s.parameter().getArray(), inner.stateManager()));
            }
        }
    }

    @Override
    public void clearState() {
        inner.clearState();
        closeSlow();
        count = 0;
    }

    private List<ParamState> tracked() {
        List<ParamState> out = new ArrayList<>();
        for (ParamState s : inner.states()) {
            if (s.parameter().requiresGradient()) {
                out.add(s);
            }
        }
        return out;
    }

    private void copyWeights() {
        boolean prev = Autograd.pause(); // a clone made with grad mode on would join the autograd graph
        try {
            slow = new ArrayList<>();
            for (ParamState s : tracked()) {
                NDArray p = s.parameter().getArray();
                slow.add(OptimizerStates.copyFor(p, p, inner.stateManager()));
            }
        } finally {
            Autograd.restore(prev);
        }
    }

    private void closeSlow() {
        if (slow != null) {
            slow.forEach(NDArray::close);
            slow = null;
        }
    }
}
