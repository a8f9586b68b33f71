package org.fastai4j.vision.models;

import ai.djl.nn.Block;
import java.util.List;

/**
 * A CNN whose top-level layers can be listed in PyTorch's {@code model.children()} order, so that a
 * body can be cut from it as fastai's {@code create_body} does, with its fastai {@link ModelMeta}.
 */
public interface CnnModel extends Block {

    /** {@return the top-level layers, in torch's {@code children()} order (the instances the model uses)} */
    List<Block> layers();

    /** {@return fastai's meta for this architecture (cut, split, normalization statistics)} */
    ModelMeta meta();
}
