package org.fastai4j.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;

/** Builds DJL parameters with chosen values and gives them chosen gradients by a real backward pass. */
final class OptimTestSupport {
    private OptimTestSupport() {
    }

    /** A 1-D float32 parameter of {@code type} holding {@code values} (requires a gradient unless a BN statistic). */
    static Parameter param(NDManager manager, String name, Parameter.Type type, float... values) {
        boolean grad = type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR;
        Parameter p = Parameter.builder().setName(name).setType(type).optRequiresGrad(grad).build();
        NDArray a = manager.create(values);
        if (grad) {
            a.setRequiresGradient(true);
        }
        p.setArray(a);
        return p;
    }

    /**
     * Runs backward of {@code sum_i sum(params[i] * grads[i])}, so each parameter's gradient grows by
     * {@code grads[i]} (PyTorch accumulates; call zeroGrad between steps). Parameters whose array does
     * not require a gradient (frozen) are used as constants.
     */
    static void backward(List<Parameter> params, float[]... grads) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector();
                NDManager tmp = params.get(0).getArray().getManager().newSubManager()) {
            NDArray loss = tmp.zeros(new ai.djl.ndarray.types.Shape());
            for (int i = 0; i < params.size(); i++) {
                NDArray g = tmp.create(grads[i]);
                NDArray prod = params.get(i).getArray().mul(g);
                prod.attach(tmp);
                loss = loss.add(prod.sum());
            }
            gc.backward(loss);
        }
    }

    /** The values of a parameter. */
    static float[] values(Parameter p) {
        return p.getArray().toFloatArray();
    }

    /** float → double. */
    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
