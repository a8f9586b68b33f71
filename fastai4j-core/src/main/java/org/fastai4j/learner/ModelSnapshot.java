package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fastai4j.optim.Optimizer;

/**
 * An in-memory copy of a learner's weights (every parameter, running statistics included),
 * optimizer state and scheduled hyper-parameters, restored in place; what fastai's LR finder
 * saves to a temporary file and loads back.
 */
final class ModelSnapshot implements AutoCloseable {
    private static final String[] HYPERS = {"lr", "mom", "sqr_mom", "wd", "eps"};
    private final NDManager scope;
    private final List<Parameter> params = new ArrayList<>();
    private final List<NDArray> copies = new ArrayList<>();
    private final Map<String, NDArray> optState = new LinkedHashMap<>();
    private final Map<String, double[]> hypers = new LinkedHashMap<>();

    ModelSnapshot(Learner learn) {
        scope = learn.manager().newSubManager();
        try (GradMode noGrad = GradMode.disabled()) {
            for (Pair<String, Parameter> p : learn.model().getParameters()) {
                params.add(p.getValue());
                NDArray c = p.getValue().getArray().duplicate();
                c.attach(scope);
                copies.add(c);
            }
            Optimizer opt = learn.opt();
            if (opt != null) {
                // Optimizer.stateDict() returns copies the caller owns: they move into this scope
                opt.stateDict().forEach((k, v) -> {
                    v.attach(scope);
                    optState.put(k, v);
                });
                for (String h : HYPERS) {
                    try {
                        hypers.put(h, opt.hyper(h));
                    } catch (IllegalArgumentException e) {
                        // this optimizer has no such hyper-parameter
                    }
                }
            }
        }
    }

    /** Copies the weights back in place, then the optimizer state and hyper-parameters. */
    void restore(Learner learn) {
        try (GradMode noGrad = GradMode.disabled()) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).getArray().set(new NDIndex("..."), copies.get(i));
            }
            Optimizer opt = learn.opt();
            if (opt != null) {
                if (optState.isEmpty()) {
                    opt.clearState();
                } else {
                    opt.loadStateDict(optState);
                }
                hypers.forEach(opt::setHyper);
            }
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
