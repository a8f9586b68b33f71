package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** A test BatchNorm1d over axis 1 that implements {@link FreezableBatchNorm}. */
final class TestBatchNorm extends AbstractBlock implements FreezableBatchNorm {
    private final Parameter gamma;
    private final Parameter beta;
    final Parameter runningMean;
    private final Parameter runningVar;
    private boolean evalMode;

    TestBatchNorm(int n) {
        Shape s = new Shape(n);
        gamma = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA).optShape(s)
                .optInitializer(Initializer.ONES).build());
        beta = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA).optShape(s)
                .optInitializer(Initializer.ZEROS).build());
        runningMean = addParameter(Parameter.builder().setName("running_mean").setType(Parameter.Type.RUNNING_MEAN)
                .optShape(s).optInitializer(Initializer.ZEROS).optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("running_var").setType(Parameter.Type.RUNNING_VAR)
                .optShape(s).optInitializer(Initializer.ONES).optRequiresGrad(false).build());
    }

    @Override
    public void setEvalMode(boolean evalMode) {
        this.evalMode = evalMode;
    }

    @Override
    public boolean evalMode() {
        return evalMode;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        var d = x.getDevice();
        return BatchNorm.batchNorm(x, ps.getValue(runningMean, d, training), ps.getValue(runningVar, d, training),
                ps.getValue(gamma, d, training), ps.getValue(beta, d, training), 1, 0.9f, 1e-5f, training && !evalMode);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
