package org.fastai4j.vision.models;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fastai4j.io.StateDicts;
import org.fastai4j.optim.ParamGroup;

/**
 * fastai's model assembly: {@code create_body} (cut at the meta), {@code create_vision_model}
 * ({@code nn.Sequential(body, head)} with the head kaiming-initialised) and the parameter-group splitters
 * ({@code _resnet_split}, {@code _xresnet_split}, {@code default_split}). Parameter names of the
 * assembled model are fastai's: {@code 0.0.weight} (body conv1), {@code 0.4.0.conv1.weight} (body layer1),
 * {@code 1.2.0.weight} (head first BatchNorm) ...
 */
public final class VisionModels {

    private VisionModels() {}

    /**
     * fastai's {@code cut_model(model, cut)}: a {@link SequentialBlock} of the model's first layers
     * (all but the last {@code -cut} when negative), sharing the model's blocks and parameters.
     *
     * @param model the architecture the body is cut from
     * @param cut the number of top-level layers kept, or minus the number dropped from the end
     * @return the body
     */
    public static SequentialBlock createBody(CnnModel model, int cut) {
        List<Block> layers = model.layers();
        int end = cut < 0 ? layers.size() + cut : cut;
        if (end <= 0 || end > layers.size()) {
            throw new IllegalArgumentException("cut " + cut + " is outside the " + layers.size() + " layers of the model");
        }
        return Layers.sequential(layers.subList(0, end).toArray(Block[]::new));
    }

    /**
     * {@code createBody(model, model.meta().cut())}.
     *
     * @param model the architecture the body is cut from
     * @return the body
     */
    public static SequentialBlock createBody(CnnModel model) {
        return createBody(model, model.meta().cut());
    }

    /**
     * fastai's {@code create_vision_model}: {@code Sequential(body, head)} where the head is
     * {@link Heads#createHead} on {@code nf} body features with {@link Heads#applyInit} applied.
     * Initialize the result (e.g. with input shape (1, 3, 224, 224)) after loading nothing into the head.
     *
     * @param model the architecture the body is cut from
     * @param nf the number of features the body outputs
     * @param nOut the number of outputs
     * @param options the head options
     * @return the body followed by the head
     */
    public static SequentialBlock createVisionModel(CnnModel model, int nf, int nOut, HeadOptions options) {
        SequentialBlock head = Heads.createHead(nf, nOut, options);
        Heads.applyInit(head);
        return Layers.sequential(createBody(model), head);
    }

    /**
     * The splitter of an assembled model {@code Sequential(body, head)}: with {@code split > 0} fastai's
     * three groups (body[:split], body[split:], head); with 0, {@code default_split} (body, head). Like
     * torch's {@code params(m)}, BatchNorm running statistics are not in any group.
     *
     * @param split the index in the body where the second group starts, or 0
     * @return a function from the model to its parameter groups
     */
    public static Function<Block, List<ParamGroup>> splitter(int split) {
        return model -> {
            List<Block> top = children(model);
            if (top.size() < 2) {
                throw new IllegalArgumentException("expected Sequential(body, head), got " + top.size() + " children");
            }
            List<Block> body = children(top.get(0));
            List<ParamGroup> groups = new ArrayList<>();
            if (split > 0) {
                groups.add(new ParamGroup("body0", params(body.subList(0, Math.min(split, body.size())))));
                groups.add(new ParamGroup("body1", params(body.subList(Math.min(split, body.size()), body.size()))));
            } else {
                groups.add(new ParamGroup("body", params(List.of(top.get(0)))));
            }
            groups.add(new ParamGroup("head", params(top.subList(1, top.size()))));
            return groups;
        };
    }

    /**
     * fastai's {@code _resnet_split}: [stem, layer1, layer2], [layer3, layer4], [head].
     *
     * @return a function from the model to its parameter groups
     */
    public static Function<Block, List<ParamGroup>> resnetSplit() {
        return splitter(ModelMeta.RESNET.split());
    }

    private static List<Block> children(Block b) {
        List<Block> out = new ArrayList<>();
        b.getChildren().forEach(p -> out.add(p.getValue()));
        return out;
    }

    private static List<Parameter> params(List<Block> blocks) {
        List<Parameter> out = new ArrayList<>();
        for (Block b : blocks) {
            for (Parameter p : StateDicts.parameters(b).values()) {
                if (!StateDicts.isBuffer(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
