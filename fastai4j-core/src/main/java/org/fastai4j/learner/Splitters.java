package org.fastai4j.learner;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.optim.ParamGroup;

/** Model splitters (fastai's {@code splitter} argument): a block to its parameter groups. */
public final class Splitters {
    private Splitters() {}

    /**
     * fastai's {@code trainable_params}: one group holding every parameter that takes a gradient
     * (BatchNorm running statistics excluded).
     *
     * @param model an initialized block
     * @return one group named {@code "all"} with the model's trainable parameters, in the block's order
     */
    public static List<ParamGroup> trainableParams(Block model) {
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        }
        return List.of(new ParamGroup("all", params));
    }
}
