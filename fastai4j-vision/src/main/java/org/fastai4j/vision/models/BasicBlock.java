package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * torchvision's {@code BasicBlock} (ResNet-18/34): conv3x3(stride) → bn → relu → conv3x3 → bn, plus the
 * identity or a {@code downsample} (conv1x1(stride) → bn), then relu. Children are named as in
 * torchvision: {@code conv1, bn1, conv2, bn2, downsample}.
 */
public final class BasicBlock extends ResidualBlock {

    /** Output channels per {@code planes}. */
    public static final int EXPANSION = 1;

    private final Conv2d conv1;
    private final TorchBatchNorm bn1;
    private final Conv2d conv2;
    private final TorchBatchNorm bn2;

    /**
     * A block from {@code inplanes} to {@code planes} channels with the given stride, torchvision's
     * {@code BasicBlock(inplanes, planes, stride)}; a {@code downsample} is added when the stride is not
     * 1 or the channel counts differ.
     *
     * @param inplanes the input channels (only used to decide on the downsample: DJL infers the convs'
     *     inputs)
     * @param planes the output channels of both 3×3 convs and of the block ({@link #EXPANSION} is 1)
     * @param stride the first conv's and the downsample's stride: 1, or 2 to halve height and width
     */
    public BasicBlock(int inplanes, int planes, int stride) {
        conv1 = addChildBlock("conv1", Layers.conv3x3(planes, stride, 1));
        bn1 = addChildBlock("bn1", new TorchBatchNorm(planes));
        conv2 = addChildBlock("conv2", Layers.conv3x3(planes, 1, 1));
        bn2 = addChildBlock("bn2", new TorchBatchNorm(planes));
        addDownsample(inplanes, planes * EXPANSION, stride);
    }

    @Override
    NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray out = Activation.relu(convBn(conv1, bn1, ps, x, training));
        return convBn(conv2, bn2, ps, out, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv2.getOutputShapes(conv1.getOutputShapes(inputShapes));
    }

    @Override
    void initializeBranch(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        conv1.initialize(manager, dataType, s);
        s = conv1.getOutputShapes(s);
        bn1.initialize(manager, dataType, s);
        conv2.initialize(manager, dataType, s);
        bn2.initialize(manager, dataType, conv2.getOutputShapes(s));
    }
}
