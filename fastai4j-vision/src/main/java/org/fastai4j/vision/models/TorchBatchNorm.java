package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import org.fastai4j.callback.FreezableBatchNorm;

/**
 * PyTorch's {@code BatchNorm1d}/{@code BatchNorm2d} (channel axis 1) with torch's parameter names
 * ({@code weight}, {@code bias}, {@code running_mean}, {@code running_var}) and semantics: eps 1e-5,
 * momentum 0.1 meaning {@code running = 0.9 * running + 0.1 * batch}, the running variance updated with
 * the unbiased batch variance (libtorch's {@code batch_norm} does both, in place). The weight and bias
 * are {@link Parameter.Type#GAMMA}/{@link Parameter.Type#BETA} so optimizers can skip weight decay on
 * them; the statistics are {@link Parameter.Type#RUNNING_MEAN}/{@link Parameter.Type#RUNNING_VAR}.
 * In {@linkplain #setEvalMode eval mode} (fastai's {@code BnFreeze} on a frozen layer) a training
 * forward pass normalizes with the running statistics and does not update them.
 */
public final class TorchBatchNorm extends AbstractBlock implements FreezableBatchNorm {

    private final int numFeatures;
    private final float eps;
    private final float momentum;
    private final Parameter weight;
    private final Parameter bias;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private volatile boolean evalMode;

    /**
     * A BatchNorm over {@code numFeatures} channels with torch's defaults (eps 1e-5, momentum 0.1,
     * weight 1, bias 0), torchvision's {@code nn.BatchNorm2d(numFeatures)}.
     *
     * @param numFeatures the number of channels (axis 1 of the input), positive
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public TorchBatchNorm(int numFeatures) {
        this(numFeatures, 1e-5f, 0.1f, 1f, 0f);
    }

    /**
     * fastai's {@code BatchNorm(nf, norm_type)}: torch defaults but the bias initialised to 1e-3 and the
     * weight to 0 for {@code BatchZero} ({@code zero = true}) or 1.
     *
     * @param numFeatures the number of channels (axis 1 of the input), positive
     * @param zero true for fastai's {@code NormType.BatchZero} (weight 0, so a residual branch ending
     *     in it starts as the identity), false for {@code NormType.Batch} (weight 1)
     * @return a new block
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public static TorchBatchNorm fastai(int numFeatures, boolean zero) {
        return new TorchBatchNorm(numFeatures, 1e-5f, 0.1f, zero ? 0f : 1f, 1e-3f);
    }

    /**
     * A BatchNorm with the given torch eps and momentum and initial weight and bias values.
     *
     * @param numFeatures the number of channels (axis 1 of the input), positive
     * @param eps added to the variance before the square root (torch's default 1e-5)
     * @param momentum torch's momentum: the weight of the batch statistic in the running averages,
     *     between 0 and 1 (torch's default 0.1)
     * @param initWeight the initial value of every element of {@code weight} (the scale)
     * @param initBias the initial value of every element of {@code bias} (the shift)
     * @throws IllegalArgumentException if {@code numFeatures} is not positive
     */
    public TorchBatchNorm(int numFeatures, float eps, float momentum, float initWeight, float initBias) {
        if (numFeatures <= 0) {
            throw new IllegalArgumentException("numFeatures must be positive, got " + numFeatures);
        }
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        Shape s = new Shape(numFeatures);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(s).optInitializer(new TorchInit.Constant(initWeight)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(s).optInitializer(new TorchInit.Constant(initBias)).build());
        runningMean = addParameter(Parameter.builder().setName("running_mean")
                .setType(Parameter.Type.RUNNING_MEAN).optShape(s).optInitializer(Initializer.ZEROS)
                .optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("running_var")
                .setType(Parameter.Type.RUNNING_VAR).optShape(s).optInitializer(Initializer.ONES)
                .optRequiresGrad(false).build());
    }

    /** {@return the number of channels} */
    public int numFeatures() {
        return numFeatures;
    }

    /** Eval mode on its own ({@code BnFreeze}): normalize with the running statistics and leave them unchanged. */
    @Override
    public void setEvalMode(boolean evalMode) {
        this.evalMode = evalMode;
    }

    @Override
    public boolean evalMode() {
        return evalMode;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (x.getShape().dimension() < 2 || x.getShape().get(1) != numFeatures) {
            throw new IllegalArgumentException("BatchNorm(" + numFeatures + ") got input of shape " + x.getShape());
        }
        var d = x.getDevice();
        // DJL's momentum is the weight of the old value: torch momentum 0.1 is DJL's 0.9.
        // Axis -1 is DJL's "PyTorch layout" value: torch's own batch_norm on channel axis 1. With 1, DJL's
        // PyTorch engine takes its generic path (a sub-manager, swapAxes before and after) on every call.
        return BatchNorm.batchNorm(x, ps.getValue(runningMean, d, training), ps.getValue(runningVar, d, training),
                ps.getValue(weight, d, training), ps.getValue(bias, d, training), -1, 1f - momentum, eps,
                training && !evalMode);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    public String toString() {
        return "BatchNorm(" + numFeatures + ", eps=" + eps + ", momentum=" + momentum + ")";
    }
}
