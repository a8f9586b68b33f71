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

    /**
     * {@code SimpleCNN(filters)} with 3×3 kernels, stride 2 and BatchNorm.
     *
     * @param filters the channel counts, at least 2: the input channels, then each layer's output
     *     channels (e.g. {@code 1, 8, 16, 10} for 1-channel images and 10 classes)
     * @throws IllegalArgumentException if fewer than 2 counts are given
     */
    public SimpleCnn(int... filters) {
        this(filters, null, null, true);
    }

    /**
     * {@code SimpleCNN(filters, kernel_szs, strides, bn)}; null kernels/strides mean 3 and 2.
     *
     * @param filters the channel counts, at least 2: the input channels, then each layer's output
     *     channels
     * @param kernels each layer's square kernel size ({@code filters.length - 1} of them), or null
     *     for 3 everywhere (fastai's default)
     * @param strides each layer's stride ({@code filters.length - 1} of them), or null for 2
     *     everywhere (fastai's default)
     * @param bn whether every layer but the last has BatchNorm (fastai's default true)
     * @throws IllegalArgumentException if fewer than 2 filter counts are given
     */
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
