package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;

/**
 * torchvision's {@code Bottleneck} (ResNet-50 and up, "V1.5": the stride on the 3×3 conv):
 * conv1x1 → bn → relu → conv3x3(stride, groups) → bn → relu → conv1x1 → bn, plus identity or
 * {@code downsample}, then relu. The inner width is {@code int(planes * baseWidth / 64) * groups}.
 */
public final class Bottleneck extends ResidualBlock {

    /** Output channels per {@code planes}. */
    public static final int EXPANSION = 4;

    private final Conv2d conv1;
    private final TorchBatchNorm bn1;
    private final Conv2d conv2;
    private final TorchBatchNorm bn2;
    private final Conv2d conv3;
    private final TorchBatchNorm bn3;

    /**
     * A block from {@code inplanes} to {@code planes * 4} channels, torchvision's
     * {@code Bottleneck(inplanes, planes, stride, groups=groups, base_width=baseWidth)}; a
     * {@code downsample} is added when the stride is not 1 or the channel counts differ.
     *
     * @param inplanes the input channels (only used to decide on the downsample: DJL infers the convs'
     *     inputs)
     * @param planes the block's base width; it outputs {@code planes * }{@link #EXPANSION} channels
     * @param stride the 3×3 conv's and the downsample's stride: 1, or 2 to halve height and width
     * @param groups the 3×3 conv's groups: 1 for ResNet, 32 for ResNeXt-50 32x4d
     * @param baseWidth torchvision's {@code width_per_group}: 64 for ResNet, 4 for ResNeXt-50 32x4d, 128
     *     for Wide ResNet-50-2
     */
    public Bottleneck(int inplanes, int planes, int stride, int groups, int baseWidth) {
        int width = (int) (planes * (baseWidth / 64.0)) * groups;
        conv1 = addChildBlock("conv1", Layers.conv1x1(width, 1));
        bn1 = addChildBlock("bn1", new TorchBatchNorm(width));
        conv2 = addChildBlock("conv2", Layers.conv3x3(width, stride, groups));
        bn2 = addChildBlock("bn2", new TorchBatchNorm(width));
        conv3 = addChildBlock("conv3", Layers.conv1x1(planes * EXPANSION, 1));
        bn3 = addChildBlock("bn3", new TorchBatchNorm(planes * EXPANSION));
        addDownsample(inplanes, planes * EXPANSION, stride);
    }

    @Override
    NDArray branch(ParameterStore ps, NDArray x, boolean training) {
        NDArray out = Activation.relu(convBn(conv1, bn1, ps, x, training));
        out = Activation.relu(convBn(conv2, bn2, ps, out, training));
        return convBn(conv3, bn3, ps, out, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv3.getOutputShapes(conv2.getOutputShapes(conv1.getOutputShapes(inputShapes)));
    }

    @Override
    void initializeBranch(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] s = inputShapes;
        conv1.initialize(manager, dataType, s);
        s = conv1.getOutputShapes(s);
        bn1.initialize(manager, dataType, s);
        conv2.initialize(manager, dataType, s);
        s = conv2.getOutputShapes(s);
        bn2.initialize(manager, dataType, s);
        conv3.initialize(manager, dataType, s);
        bn3.initialize(manager, dataType, conv3.getOutputShapes(s));
    }
}
