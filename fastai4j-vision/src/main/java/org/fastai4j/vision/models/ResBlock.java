package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * fastai's {@code ResBlock} (as used by XResNet, no SE/attention): {@code relu(convpath(x) + idpath(x))}
 * where the id path is an average pool (ceil mode) when strided, then a 1×1 {@link ConvLayer} when the
 * channel count changes. Children are named {@code convpath} and {@code idpath} as in fastai.
 */
public final class ResBlock extends AbstractBlock {

    private final SequentialBlock convpath;
    private final SequentialBlock idpath;

    /**
     * fastai's {@code ResBlock(expansion, ni, nf, stride)}: {@code ni * expansion} input channels,
     * {@code nf * expansion} output channels.
     *
     * @param expansion 1 for a two-conv block (3×3, 3×3; xresnet18/34) or 4 for a bottleneck
     *     (1×1, 3×3, 1×1 with {@code nf} inner channels; xresnet50 and up)
     * @param ni the input channels before expansion (decides whether the id path needs a 1×1 conv)
     * @param nf the output channels before expansion, also the inner width of the conv path
     * @param stride the stride of the conv path's 3×3 conv and of the id path's average pool: 1, or 2
     *     to halve height and width
     */
    public ResBlock(int expansion, int ni, int nf, int stride) {
        int nh = nf;
        int nfe = nf * expansion;
        int nie = ni * expansion;
        convpath = new SequentialBlock();
        if (expansion == 1) {
            convpath.add(ConvLayer.of(nh, 3, stride, ConvLayer.Norm.BATCH, true, 1));
            convpath.add(ConvLayer.of(nfe, 3, 1, ConvLayer.Norm.BATCH_ZERO, false, 1));
        } else {
            convpath.add(ConvLayer.of(nh, 1, 1, ConvLayer.Norm.BATCH, true, 1));
            convpath.add(ConvLayer.of(nh, 3, stride, ConvLayer.Norm.BATCH, true, 1));
            convpath.add(ConvLayer.of(nfe, 1, 1, ConvLayer.Norm.BATCH_ZERO, false, 1));
        }
        addChildBlock("convpath", convpath);
        idpath = new SequentialBlock();
        if (stride != 1) {
            idpath.add(Layers.avgPoolCeil(stride));
        }
        if (nie != nfe) {
            idpath.add(ConvLayer.of(nfe, 1, 1, ConvLayer.Norm.BATCH, false, 1));
        }
        addChildBlock("idpath", idpath);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = Layers.run(convpath, ps, x, training);
        NDArray b = idpath.getChildren().isEmpty() ? x : Layers.run(idpath, ps, x, training);
        return new NDList(Activation.relu(a.add(b)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return convpath.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        convpath.initialize(manager, dataType, inputShapes);
        if (!idpath.getChildren().isEmpty()) {
            idpath.initialize(manager, dataType, inputShapes);
        }
    }
}
