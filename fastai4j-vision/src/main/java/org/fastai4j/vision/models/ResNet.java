package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * torchvision's {@code ResNet}, with its exact layout and parameter names ({@code conv1.weight},
 * {@code bn1.running_mean}, {@code layer1.0.conv1.weight}, {@code layer2.0.downsample.0.weight},
 * {@code fc.weight}, ...; see {@link org.fastai4j.io.StateDicts}), so torchvision's {@code .pth}
 * weights load by name. Build one with {@link ResNets}. The input channels are inferred when the block
 * is initialized (3 for ImageNet weights; see {@link FirstLayer} for other counts).
 */
public final class ResNet extends AbstractBlock implements CnnModel {

    private final Conv2d conv1;
    private final TorchBatchNorm bn1;
    private final SequentialBlock[] layers = new SequentialBlock[4];
    private final Linear fc;
    private final Block relu = Layers.relu();
    private final Block maxpool = Layers.maxPool(3, 2, 1);
    private final Block avgpool = Layers.globalAvgPoolFlatten();
    private final int numFeatures;

    /**
     * A ResNet.
     *
     * @param block true for {@link Bottleneck} blocks (expansion 4), false for {@link BasicBlock}
     * @param counts blocks per stage (4 stages)
     * @param numClasses outputs of {@code fc}
     * @param groups groups of the 3×3 convs in bottlenecks (ResNeXt)
     * @param widthPerGroup torchvision's {@code width_per_group} (64 normally, 128 for wide ResNets)
     */
    public ResNet(boolean block, int[] counts, int numClasses, int groups, int widthPerGroup) {
        if (counts.length != 4 || numClasses <= 0) {
            throw new IllegalArgumentException("ResNet needs 4 stage counts and numClasses > 0");
        }
        int expansion = block ? Bottleneck.EXPANSION : BasicBlock.EXPANSION;
        conv1 = addChildBlock("conv1", Layers.conv(64, 7, 2, 3, 1, false));
        bn1 = addChildBlock("bn1", new TorchBatchNorm(64));
        int inplanes = 64;
        int[] planes = {64, 128, 256, 512};
        for (int i = 0; i < 4; i++) {
            SequentialBlock layer = new SequentialBlock();
            for (int j = 0; j < counts[i]; j++) {
                int stride = i > 0 && j == 0 ? 2 : 1;
                layer.add(block ? new Bottleneck(inplanes, planes[i], stride, groups, widthPerGroup)
                        : new BasicBlock(inplanes, planes[i], stride));
                inplanes = planes[i] * expansion;
            }
            layers[i] = addChildBlock("layer" + (i + 1), layer);
        }
        numFeatures = 512 * expansion;
        fc = addChildBlock("fc", Layers.linear(numFeatures, numClasses, true));
    }

    /** {@return the number of features entering {@code fc} (512 × expansion)} */
    public int numFeatures() {
        return numFeatures;
    }

    /** {@return the first convolution ({@code conv1})} */
    public Conv2d conv1() {
        return conv1;
    }

    /**
     * torchvision's {@code model.children()} in order: conv1, bn1, relu, maxpool, layer1..layer4,
     * avgpool, fc (the same block instances this model uses).
     */
    @Override
    public List<Block> layers() {
        List<Block> out = new ArrayList<>(List.of(conv1, bn1, relu, maxpool));
        out.addAll(List.of(layers));
        out.add(avgpool);
        out.add(fc);
        return out;
    }

    /** fastai's resnet meta: cut -2 (before avgpool and fc), 3 groups, ImageNet stats. */
    @Override
    public ModelMeta meta() {
        return ModelMeta.RESNET;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        x = Activation.relu(Layers.run(bn1, ps, Layers.run(conv1, ps, x, training), training));
        x = Layers.run(maxpool, ps, x, training);
        for (SequentialBlock l : layers) {
            x = Layers.run(l, ps, x, training);
        }
        x = Layers.run(avgpool, ps, x, training);
        return new NDList(Layers.run(fc, ps, x, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), fc.getOutputShapes(
                new Shape[] {new Shape(1, numFeatures)})[0].get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        for (Block b : layers()) {
            b.initialize(manager, dataType, s);
            s = b.getOutputShapes(s);
        }
    }
}
