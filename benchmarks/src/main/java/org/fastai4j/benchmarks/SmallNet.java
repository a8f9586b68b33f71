package org.fastai4j.benchmarks;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;
import org.fastai4j.vision.models.TorchBatchNorm;

/** A small CNN (three conv-BN-ReLU layers, global pool, linear) for quick and memory benchmarks. */
final class SmallNet {
    private SmallNet() {}

    static Block create(int nOut) {
        SequentialBlock b = new SequentialBlock();
        int[] channels = {16, 32, 64};
        for (int c : channels) {
            b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(c).optStride(new Shape(2, 2))
                    .optPadding(new Shape(1, 1)).optBias(false).build());
            b.add(new TorchBatchNorm(c));
            b.add(Activation.reluBlock());
        }
        b.add(Pool.globalAvgPool2dBlock());
        b.add(Blocks.batchFlattenBlock());
        b.add(Linear.builder().setUnits(nOut).build());
        return b;
    }
}
