package org.fastai4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A frozen body with BatchNorm inside a real DJL block, stepped while the gradient collector is open. */
class RealBlockTest {

    @Test
    void frozenBodyKeepsWeightsWhileBatchNormAndHeadTrain() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            SequentialBlock body = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                    .add(BatchNorm.builder().build());
            Linear head = Linear.builder().setUnits(2).build();
            SequentialBlock model = new SequentialBlock().add(body).add(head);
            model.initialize(m, DataType.FLOAT32, new Shape(8, 3));
            List<Parameter> bodyParams = new ArrayList<>();
            for (Pair<String, Parameter> p : body.getParameters()) {
                bodyParams.add(p.getValue());
            }
            List<Parameter> headParams = new ArrayList<>();
            for (Pair<String, Parameter> p : head.getParameters()) {
                headParams.add(p.getValue());
            }
            Parameter linearW = find(bodyParams, Parameter.Type.WEIGHT);
            Parameter gamma = find(bodyParams, Parameter.Type.GAMMA);
            Parameter runningMean = find(bodyParams, Parameter.Type.RUNNING_MEAN);
            Parameter headW = find(headParams, Parameter.Type.WEIGHT);

            Optimizer opt = Optimizers.adam().create(
                    List.of(new ParamGroup("body", bodyParams), new ParamGroup("head", headParams)), m);
            opt.freeze();
            opt.clearState();
            float[] w0 = linearW.getArray().toFloatArray();
            float[] g0 = gamma.getArray().toFloatArray();
            float[] h0 = headW.getArray().toFloatArray();

            try (NDManager batch = m.newSubManager()) {
                NDArray x = batch.randomNormal(new Shape(8, 3));
                float[] meanAfterForward;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = model.forward(new ParameterStore(batch, false), new NDList(x), true).singletonOrThrow();
                    NDArray loss = out.square().mean();
                    gc.backward(loss);
                    meanAfterForward = runningMean.getArray().toFloatArray();
                    opt.step(); // grad mode is on inside the collector: the optimizer turns it off itself
                }
                opt.zeroGrad();
                assertThat(linearW.getArray().toFloatArray()).containsExactly(w0);
                assertThat(gamma.getArray().toFloatArray()).isNotEqualTo(g0);
                assertThat(headW.getArray().toFloatArray()).isNotEqualTo(h0);
                assertThat(runningMean.getArray().toFloatArray()).containsExactly(meanAfterForward);
                assertThat(linearW.getArray().hasGradient()).isFalse();
                assertThat(headW.getArray().hasGradient()).isTrue();
            }
        }
    }

    private static Parameter find(List<Parameter> ps, Parameter.Type type) {
        return ps.stream().filter(p -> p.getType() == type).findFirst().orElseThrow();
    }
}
