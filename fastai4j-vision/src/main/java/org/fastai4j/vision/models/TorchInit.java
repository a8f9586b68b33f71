package org.fastai4j.vision.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's weight initializers as DJL {@link Initializer}s, drawing from DJL's engine random
 * generator: kaiming normal (fan in or fan out, ReLU gain), torch's default {@code Linear}/{@code Conv}
 * uniform init ({@code kaiming_uniform(a=sqrt(5))}, i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in))), constants.
 */
public final class TorchInit {

    private TorchInit() {}

    /**
     * torch's fan in of a weight of shape (out, in, k...): in × prod(k).
     *
     * @param shape the weight's shape
     * @return the fan
     */
    public static long fanIn(Shape shape) {
        return shape.dimension() < 2 ? shape.get(0) : shape.size() / shape.get(0);
    }

    /**
     * torch's fan out of a weight of shape (out, in, k...): out × prod(k).
     *
     * @param shape the weight's shape
     * @return the fan
     */
    public static long fanOut(Shape shape) {
        return shape.dimension() < 2 ? shape.get(0) : shape.size() / shape.get(1);
    }

    /**
     * {@code nn.init.kaiming_normal_(w, mode=fan_out, nonlinearity="relu")}: N(0, sqrt(2 / fan_out)).
     *
     * @return the initializer
     */
    public static Initializer kaimingNormalFanOut() {
        return (m, s, t) -> normal(m, s, t, Math.sqrt(2.0 / fanOut(s)));
    }

    /**
     * {@code nn.init.kaiming_normal_(w)} (fan in, ReLU gain): N(0, sqrt(2 / fan_in)).
     *
     * @return the initializer
     */
    public static Initializer kaimingNormalFanIn() {
        return (m, s, t) -> normal(m, s, t, Math.sqrt(2.0 / fanIn(s)));
    }

    /**
     * U(-bound, bound).
     *
     * @param bound the half-width of the interval
     * @return the initializer
     */
    public static Initializer uniform(double bound) {
        return (m, s, t) -> m.randomUniform((float) -bound, (float) bound, s, t);
    }

    /**
     * torch's default weight init of Linear/Conv: U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
     *
     * @return the initializer
     */
    public static Initializer torchDefaultWeight() {
        return (m, s, t) -> m.randomUniform((float) (-1 / Math.sqrt(fanIn(s))), (float) (1 / Math.sqrt(fanIn(s))), s, t);
    }

    /**
     * torch's default bias init of a Linear/Conv with {@code fanIn} inputs: U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
     *
     * @param fanIn the number of inputs of the layer
     * @return the initializer
     */
    public static Initializer torchDefaultBias(long fanIn) {
        return uniform(1 / Math.sqrt(fanIn));
    }

    private static NDArray normal(NDManager m, Shape s, DataType t, double std) {
        return m.randomNormal(0f, (float) std, s, t);
    }

    /**
     * A constant initializer, torch's {@code nn.init.constant_}: every element set to {@code value}.
     *
     * @param value the value of every element (e.g. 1 for a BatchNorm weight, 1e-3 for fastai's
     *     BatchNorm bias)
     */
    public record Constant(float value) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.full(shape, value, dataType);
        }
    }
}
