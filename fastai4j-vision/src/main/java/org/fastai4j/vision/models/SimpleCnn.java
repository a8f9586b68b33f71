package org.fastai4j.vision.models;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.List;

/**
 * fastai's {@code SimpleCNN(filters, kernel_szs, strides, bn)}: one {@link ConvLayer} per pair of
 * consecutive filter counts (3×3, stride 2 by default; BatchNorm on all but the last when {@code bn}),
 * then average pool and flatten. The first filter count is the input channels.
 */
public final class SimpleCnn extends SequentialBlock implements CnnModel {

    /** {@code SimpleCNN(filters)} with 3×3 kernels, stride 2 and BatchNorm. */
    public SimpleCnn(int... filters) {
        this(filters, null, null, true);
    }

    /** {@code SimpleCNN(filters, kernel_szs, strides, bn)}; null kernels/strides mean 3 and 2. */
    public SimpleCnn(int[] filters, int[] kernels, int[] strides, boolean bn) {
        int nl = filters.length - 1;
        if (nl < 1) {
            throw new IllegalArgumentException("SimpleCnn needs at least 2 filter counts, got " + filters.length);
        }
        for (int i = 0; i < nl; i++) {
            int ks = kernels == null ? 3 : kernels[i];
            int st = strides == null ? 2 : strides[i];
            boolean norm = bn && i < nl - 1;
            add(ConvLayer.of(filters[i + 1], ks, st, norm ? ConvLayer.Norm.BATCH : ConvLayer.Norm.NONE, true, 1));
        }
        add(Layers.sequential(Layers.globalAvgPoolKeep(), Layers.flatten()));
    }

    @Override
    public List<Block> layers() {
        return Layers.children(this);
    }

    @Override
    public ModelMeta meta() {
        return ModelMeta.SIMPLE;
    }
}
