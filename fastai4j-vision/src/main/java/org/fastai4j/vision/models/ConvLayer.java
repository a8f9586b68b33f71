package org.fastai4j.vision.models;

import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.Initializer;

/**
 * fastai's {@code ConvLayer}: {@code Sequential(conv, BatchNorm, ReLU)} (BatchNorm first, fastai's
 * {@code bn_1st}); the conv has a bias only without BatchNorm; padding {@code (ks-1)/2}. Initialised as
 * fastai's {@code init_linear}: kaiming uniform (fan in, ReLU gain: U(±sqrt(6/fan_in))) with a ReLU,
 * torch's default otherwise; bias N(0, 0.01); BatchNorm bias 1e-3, weight 0 for {@code BatchZero}.
 */
public final class ConvLayer {

    /** fastai's norm types used here. */
    public enum Norm {
        /** BatchNorm, weight 1. */
        BATCH,
        /** BatchNorm, weight 0 (the last conv of a residual path). */
        BATCH_ZERO,
        /** No norm. */
        NONE
    }

    private ConvLayer() {}

    /**
     * {@code ConvLayer(ni, nf, ks, stride, norm_type, act_cls=ReLU or None, groups)}; {@code ni} is inferred.
     *
     * @param nf the output channels
     * @param ks the square kernel size; the padding is {@code (ks - 1) / 2}, as fastai's
     * @param stride the stride in both directions (2 halves the height and width)
     * @param norm the norm after the conv
     * @param relu whether a ReLU ends the layer
     * @param groups the number of channel groups
     * @return the layer
     */
    public static SequentialBlock of(int nf, int ks, int stride, Norm norm, boolean relu, int groups) {
        boolean bn = norm != Norm.NONE;
        Conv2d conv = Layers.conv(nf, ks, stride, (ks - 1) / 2, groups, !bn);
        conv.setInitializer(relu ? (m, s, t) -> m.randomUniform((float) -Math.sqrt(6.0 / TorchInit.fanIn(s)),
                (float) Math.sqrt(6.0 / TorchInit.fanIn(s)), s, t) : TorchInit.torchDefaultWeight(),
                Parameter.Type.WEIGHT);
        if (!bn) {
            conv.setInitializer((m, s, t) -> m.randomNormal(0f, 0.01f, s, t), Parameter.Type.BIAS);
        }
        SequentialBlock s = new SequentialBlock().add(conv);
        if (bn) {
            s.add(TorchBatchNorm.fastai(nf, norm == Norm.BATCH_ZERO));
        }
        if (relu) {
            s.add(Layers.relu());
        }
        return s;
    }

    /**
     * fastai's {@code init_cnn}: conv and linear weights kaiming normal (fan in), every bias 0 (BatchNorm's too).
     *
     * @param model the model whose parameters are re-initialised
     */
    public static void initCnn(ai.djl.nn.Block model) {
        for (Parameter p : org.fastai4j.io.StateDicts.parameters(model).values()) {
            if (p.getType() == Parameter.Type.WEIGHT) {
                p.setInitializer(TorchInit.kaimingNormalFanIn());
            } else if (p.getType() == Parameter.Type.BIAS || p.getType() == Parameter.Type.BETA) {
                p.setInitializer(Initializer.ZEROS);
            }
        }
    }
}
