package org.fastai4j.examples;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * A small custom CNN written with plain DJL blocks, the {@code Net} of the PyTorch reference
 * ({@code class Net(nn.Module)}): three 3×3 convolutions (16, 32, 64 filters), each followed by
 * batch norm and ReLU, the first two by a 2×2 max pool, then global average pooling and one linear
 * layer. Nothing in it knows about fastai4j: any DJL {@code Block} trains the same way. Works for
 * any image size of at least 4×4 and any number of input channels.
 */
public final class Net extends SequentialBlock {

    /**
     * A Net with {@code numClasses} outputs.
     *
     * @param numClasses the number of classes (outputs), at least 1
     */
    public Net(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        addConv(16).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        addConv(32).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        addConv(64);
        add(Pool.globalAvgPool2dBlock());
        add(Blocks.batchFlattenBlock());
        add(Linear.builder().setUnits(numClasses).build());
    }

    private Net addConv(int filters) {
        add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters)
                .optBias(false).build());
        add(BatchNorm.builder().build());
        add(Activation.reluBlock());
        return this;
    }
}
