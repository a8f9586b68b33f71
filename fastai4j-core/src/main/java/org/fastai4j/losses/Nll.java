package org.fastai4j.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * torch's {@code nll_loss} on rows of log-probabilities, with class weights and an ignored index:
 * the unreduced values {@code w[y_i] * -logp[i, y_i]} (0 for ignored rows) and the weights
 * {@code w[y_i]} (0 for ignored rows), so that the mean is {@code sum(values) / sum(weights)}.
 */
final class Nll {

    final NDArray unreduced;
    final NDArray weights;

    private Nll(NDArray unreduced, NDArray weights) {
        this.unreduced = unreduced;
        this.weights = weights;
    }

    /**
     * @param logp log-probabilities, shape (M, C)
     * @param target class indices, M values of any integer or integral float type
     * @param weight class weights of length C, or null for all ones
     * @param ignoreIndex a target value whose rows count for nothing
     * @param loss the loss name, for error messages
     */
    static Nll of(NDArray logp, NDArray target, float[] weight, int ignoreIndex, String loss) {
        long rows = logp.getShape().get(0);
        long classes = logp.getShape().get(1);
        if (target.getShape().size() != rows) {
            throw new IllegalArgumentException(loss + ": prediction has " + rows
                    + " rows after flattening but target has " + target.getShape().size() + " values");
        }
        if (weight != null && weight.length != classes) {
            throw new IllegalArgumentException(loss + ": " + weight.length
                    + " class weights given for a prediction with " + classes + " classes");
        }
        DataType type = logp.getDataType();
        NDArray t = target.toType(DataType.INT64, false).reshape(-1);
        NDArray valid = t.neq(ignoreIndex);
        NDArray safe = t.mul(valid.toType(DataType.INT64, false));
        if (rows > 0) {
            long min = safe.min().getLong();
            long max = safe.max().getLong();
            if (min < 0 || max >= classes) {
                throw new IllegalArgumentException(loss + ": target class " + (min < 0 ? min : max)
                        + " is outside [0, " + classes + ") (ignore index " + ignoreIndex + ")");
            }
        }
        NDArray picked = logp.gather(safe.reshape(-1, 1), 1).reshape(-1);
        NDArray w = valid.toType(type, false);
        if (weight != null) {
            NDArray classWeights = logp.getManager().create(weight).toType(type, false);
            w = classWeights.take(safe).mul(w);
        }
        return new Nll(picked.neg().mul(w), w);
    }

    /** torch's weighted mean: {@code sum(w_i * l_i) / sum(w_i)} (NaN when every row is ignored). */
    NDArray mean() {
        return unreduced.sum().div(weights.sum());
    }
}
