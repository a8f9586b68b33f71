package org.fastai4j.optim;

import ai.djl.ndarray.NDManager;
import java.util.List;

/** Builds an optimizer over parameter groups, fastai's {@code opt_func}. */
@FunctionalInterface
public interface OptimizerFactory {
    /** Creates the optimizer; its state arrays live in {@code stateManager}. */
    Optimizer create(List<ParamGroup> groups, NDManager stateManager);
}
