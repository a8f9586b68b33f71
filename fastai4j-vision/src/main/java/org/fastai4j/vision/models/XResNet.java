package org.fastai4j.vision.models;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * fastai's {@code XResNet} (the "bag of tricks" ResNet): a stem of three 3×3 {@link ConvLayer}s
 * (c_in→32 stride 2, 32→32, 32→64), max pool, four stages of {@link ResBlock}s (average-pool shortcut),
 * average pool, flatten, dropout, linear; initialised with fastai's {@code init_cnn}. It is a
 * {@code nn.Sequential} in fastai, so parameter names are indices ({@code 0.0.weight}, {@code 4.0.convpath.0.0.weight}).
 */
public final class XResNet extends SequentialBlock implements CnnModel {

    /**
     * fastai's {@code XResNet(ResBlock, expansion, layers, p, c_in (inferred), n_out)}.
     *
     * @param expansion 1 (xresnet18/34) or 4 (xresnet50 and up)
     * @param counts blocks per stage
     * @param numClasses outputs
     * @param p dropout before the final linear layer
     */
    public XResNet(int expansion, int[] counts, int numClasses, double p) {
        int[] stem = {32, 32, 64};
        for (int i = 0; i < 3; i++) {
            add(ConvLayer.of(stem[i], 3, i == 0 ? 2 : 1, ConvLayer.Norm.BATCH, true, 1));
        }
        add(Layers.maxPool(3, 2, 1));
        List<Integer> sizes = new ArrayList<>(List.of(64 / expansion, 64, 128, 256, 512));
        for (int i = 4; i < counts.length; i++) {
            sizes.add(256);
        }
        for (int i = 0; i < counts.length; i++) {
            SequentialBlock stage = new SequentialBlock();
            for (int j = 0; j < counts[i]; j++) {
                int stride = j == 0 && i > 0 ? 2 : 1;
                stage.add(new ResBlock(expansion, j == 0 ? sizes.get(i) : sizes.get(i + 1), sizes.get(i + 1), stride));
            }
            add(stage);
        }
        add(Layers.globalAvgPoolKeep());
        add(Layers.flatten());
        add(Heads.dropout(p));
        add(Layers.linear(sizes.get(sizes.size() - 1) * expansion, numClasses, true));
        ConvLayer.initCnn(this);
    }

    /**
     * fastai's {@code xresnet18}: blocks {2, 2, 2, 2}, expansion 1, no dropout.
     *
     * @param numClasses the outputs of the final linear layer (fastai's {@code n_out}, default 1000)
     * @return a new model with fastai's {@code init_cnn} initializers; DJL's {@code initialize}
     *     creates its parameters
     */
    public static XResNet xresnet18(int numClasses) {
        return new XResNet(1, new int[] {2, 2, 2, 2}, numClasses, 0);
    }

    /**
     * fastai's {@code xresnet34}: blocks {3, 4, 6, 3}, expansion 1, no dropout.
     *
     * @param numClasses the outputs of the final linear layer (fastai's {@code n_out}, default 1000)
     * @return a new model with fastai's {@code init_cnn} initializers; DJL's {@code initialize}
     *     creates its parameters
     */
    public static XResNet xresnet34(int numClasses) {
        return new XResNet(1, new int[] {3, 4, 6, 3}, numClasses, 0);
    }

    /**
     * fastai's {@code xresnet50}: blocks {3, 4, 6, 3}, expansion 4 (bottlenecks), no dropout.
     *
     * @param numClasses the outputs of the final linear layer (fastai's {@code n_out}, default 1000)
     * @return a new model with fastai's {@code init_cnn} initializers; DJL's {@code initialize}
     *     creates its parameters
     */
    public static XResNet xresnet50(int numClasses) {
        return new XResNet(4, new int[] {3, 4, 6, 3}, numClasses, 0);
    }

    @Override
    public List<Block> layers() {
        return Layers.children(this);
    }

    @Override
    public ModelMeta meta() {
        return ModelMeta.XRESNET;
    }
}
