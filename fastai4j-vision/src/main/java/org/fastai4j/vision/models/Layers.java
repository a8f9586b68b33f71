package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Small building blocks in PyTorch's terms: convolutions and linear layers with torch's
 * initialization, ReLU, pooling and flatten as parameter-free blocks.
 */
public final class Layers {

    private Layers() {}

    /**
     * {@code nn.Conv2d(in, out, k, stride, padding, groups, bias)} initialised as torchvision's ResNet does
     * (kaiming normal, fan out, ReLU); the input channels are inferred at initialization.
     *
     * @param out the output channels (features for a linear layer)
     * @param kernel the kernel size
     * @param stride the stride in both directions (2 halves the height and width)
     * @param padding the zero padding on each side
     * @param groups the number of channel groups
     * @param bias whether the layer has a bias
     * @return the layer
     */
    public static Conv2d conv(int out, int kernel, int stride, int padding, int groups, boolean bias) {
        Conv2d c = Conv2d.builder().setFilters(out).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(padding, padding))
                .optGroups(groups).optBias(bias).build();
        c.setInitializer(TorchInit.kaimingNormalFanOut(), Parameter.Type.WEIGHT);
        return c;
    }

    /**
     * torchvision's {@code conv3x3}: 3×3, padding 1, no bias.
     *
     * @param out the output channels (features for a linear layer)
     * @param stride the stride in both directions (2 halves the height and width)
     * @param groups the number of channel groups
     * @return the layer
     */
    public static Conv2d conv3x3(int out, int stride, int groups) {
        return conv(out, 3, stride, 1, groups, false);
    }

    /**
     * torchvision's {@code conv1x1}: 1×1, no padding, no bias.
     *
     * @param out the output channels (features for a linear layer)
     * @param stride the stride in both directions (2 halves the height and width)
     * @return the layer
     */
    public static Conv2d conv1x1(int out, int stride) {
        return conv(out, 1, stride, 0, 1, false);
    }

    /**
     * {@code nn.Linear(in, out, bias)} with torch's default init (uniform ±1/sqrt(in)).
     *
     * @param in the input features
     * @param out the output channels (features for a linear layer)
     * @param bias whether the layer has a bias
     * @return the layer
     */
    public static Linear linear(int in, int out, boolean bias) {
        Linear l = Linear.builder().setUnits(out).optBias(bias).build();
        l.setInitializer(TorchInit.torchDefaultWeight(), Parameter.Type.WEIGHT);
        if (bias) {
            l.setInitializer(TorchInit.torchDefaultBias(in), Parameter.Type.BIAS);
        }
        return l;
    }

    /**
     * {@code nn.ReLU()}.
     *
     * @return the layer
     */
    public static Block relu() {
        return LambdaBlock.singleton(Activation::relu, "relu");
    }

    /**
     * {@code nn.MaxPool2d(kernel, stride, padding)}.
     *
     * @param kernel the kernel size
     * @param stride the stride in both directions (2 halves the height and width)
     * @param padding the zero padding on each side
     * @return the layer
     */
    public static Block maxPool(int kernel, int stride, int padding) {
        return LambdaBlock.singleton(x -> Pool.maxPool2d(x, new Shape(kernel, kernel), new Shape(stride, stride),
                new Shape(padding, padding), false), "maxpool");
    }

    /**
     * {@code nn.AvgPool2d(kernel, stride, ceil_mode=True, count_include_pad=True)}, fastai's ResBlock pool.
     *
     * @param kernel the kernel size
     * @return the layer
     */
    public static Block avgPoolCeil(int kernel) {
        return LambdaBlock.singleton(x -> Pool.avgPool2d(x, new Shape(kernel, kernel), new Shape(kernel, kernel),
                new Shape(0, 0), true, true), "avgpool");
    }

    /**
     * {@code nn.AdaptiveAvgPool2d(1)} followed by flatten: (N, C, H, W) → (N, C).
     *
     * @return the layer
     */
    public static Block globalAvgPoolFlatten() {
        return LambdaBlock.singleton(x -> spatialMean(x, false), "avgpool_flatten");
    }

    /**
     * {@code nn.AdaptiveAvgPool2d(1)}: (N, C, H, W) → (N, C, 1, 1).
     *
     * @return the layer
     */
    public static Block globalAvgPoolKeep() {
        return LambdaBlock.singleton(x -> spatialMean(x, true), "avgpool");
    }

    /**
     * {@code nn.Flatten()}: (N, ...) → (N, rest).
     *
     * @return the layer
     */
    public static Block flatten() {
        return LambdaBlock.singleton(x -> x.reshape(x.getShape().get(0), -1), "flatten");
    }

    /**
     * {@return a {@link SequentialBlock} of the given blocks (named 0, 1, ... in state dicts)}
     *
     * @param blocks the blocks, in order
     */
    public static SequentialBlock sequential(Block... blocks) {
        SequentialBlock s = new SequentialBlock();
        for (Block b : blocks) {
            s.add(b);
        }
        return s;
    }

    /** The mean over H and W of (N, C, H, W): (N, C), or (N, C, 1, 1) with {@code keep}. */
    static NDArray spatialMean(NDArray x, boolean keep) {
        long n = x.getShape().get(0);
        long c = x.getShape().get(1);
        NDArray m = x.reshape(n, c, -1).mean(new int[] {2});
        return keep ? m.reshape(n, c, 1, 1) : m;
    }

    /** The max over H and W of (N, C, H, W), as (N, C, 1, 1). */
    static NDArray spatialMax(NDArray x) {
        long n = x.getShape().get(0);
        long c = x.getShape().get(1);
        return x.reshape(n, c, -1).max(new int[] {2}).reshape(n, c, 1, 1);
    }

    /** Runs one block in a forward pass (helper for composite blocks). */
    static NDArray run(Block b, ai.djl.training.ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    /** The direct children of {@code block}, in the order they were added (torch's {@code children()}). */
    static List<Block> children(Block block) {
        List<Block> out = new ArrayList<>();
        block.getChildren().forEach(c -> out.add(c.getValue()));
        return out;
    }
}
