package org.fastai4j.optim;

import ai.djl.nn.Parameter;
import java.util.List;

/**
 * CONTRACT SKELETON: one group of parameters sharing hyper-parameters (fastai's param group).
 *
 * @param name a label (e.g. "body", "head")
 * @param parameters the parameters, with their full names
 */
public record ParamGroup(String name, List<Parameter> parameters) {
    /**
     * Copies the list.
     *
     * @param name a label (e.g. "body", "head")
     * @param parameters the parameters, with their full names
     */
    public ParamGroup {
        parameters = List.copyOf(parameters);
    }
}
