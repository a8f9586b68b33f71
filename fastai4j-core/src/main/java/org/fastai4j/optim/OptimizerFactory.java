package org.fastai4j.optim;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** Builds an optimizer over parameter groups, fastai's {@code opt_func}. */
@FunctionalInterface
public interface OptimizerFactory {
    /**
     * Creates the optimizer; its state arrays live in {@code stateManager}.
     *
     * @param groups the parameter groups, in order (the learner's splitter makes them; the last
     *     is usually the head)
     * @param stateManager the manager owning the optimizer's state arrays (moving averages); the
     *     learner closes it with the optimizer
     * @return a new optimizer over {@code groups}
     */
    Optimizer create(List<ParamGroup> groups, NDManager stateManager);
}
