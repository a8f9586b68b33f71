package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The residual frame shared by torchvision's {@link BasicBlock} and {@link Bottleneck}: output
 * {@code relu(branch(x) + identity)}, where identity is {@code x} or, when the stride or the
 * channel count changes, torchvision's {@code downsample} (conv1x1(stride) → bn).
 */
abstract class ResidualBlock extends AbstractBlock {

    private SequentialBlock downsample;

    /** The convolution branch, without the final relu. */
    abstract NDArray branch(ParameterStore ps, NDArray x, boolean training);

    /** Initializes the branch's children for {@code inputShapes}. */
    abstract void initializeBranch(NDManager manager, DataType dataType, Shape... inputShapes);

    /**
     * Adds the {@code downsample} child when needed; called last, so that children keep
     * torchvision's order.
     */
    final void addDownsample(int inplanes, int outplanes, int stride) {
        if (stride != 1 || inplanes != outplanes) {
            downsample = addChildBlock("downsample",
                    Layers.sequential(Layers.conv1x1(outplanes, stride), new TorchBatchNorm(outplanes)));
        }
    }

    /** conv → bn, as the branches chain them. */
    static NDArray convBn(Conv2d conv, TorchBatchNorm bn, ParameterStore ps, NDArray x, boolean training) {
        return Layers.run(bn, ps, Layers.run(conv, ps, x, training), training);
    }

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray out = branch(ps, x, training);
        NDArray identity = downsample == null ? x : Layers.run(downsample, ps, x, training);
        return new NDList(Activation.relu(out.add(identity)));
    }

    @Override
    protected final void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        initializeBranch(manager, dataType, inputShapes);
        if (downsample != null) {
            downsample.initialize(manager, dataType, inputShapes);
        }
    }
}
