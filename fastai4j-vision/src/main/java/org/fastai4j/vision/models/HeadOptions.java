package org.fastai4j.vision.models;

import java.util.List;

/**
 * The options of fastai's {@code create_head}, with fastai's defaults ({@link #defaults()}).
 *
 * @param linFtrs hidden sizes (fastai default {@code [512]})
 * @param ps dropout probabilities: one value p means p/2 for every hidden layer and p for the last
 *     (fastai default 0.5); otherwise one per linear layer
 * @param pool whether to pool (and flatten) first
 * @param concatPool concat max and average pools (doubles the features) rather than average only
 * @param firstBn BatchNorm before the first linear layer
 * @param bnFinal BatchNorm1d (momentum 0.01) after the last linear layer
 * @param linFirst linear before BatchNorm and dropout in each block
 * @param yRange null or {low, high} for a final {@link SigmoidRange}
 */
public record HeadOptions(List<Integer> linFtrs, List<Double> ps, boolean pool, boolean concatPool,
        boolean firstBn, boolean bnFinal, boolean linFirst, float[] yRange) {

    /**
     * Validates and copies the lists.
     *
     * @param linFtrs hidden sizes
     * @param ps dropout probabilities, each in [0, 1)
     * @param pool whether to pool (and flatten) first
     * @param concatPool concat max and average pools rather than average only
     * @param firstBn BatchNorm before the first linear layer
     * @param bnFinal BatchNorm1d after the last linear layer
     * @param linFirst linear before BatchNorm and dropout in each block
     * @param yRange null or {low, high}
     */
    public HeadOptions {
        linFtrs = List.copyOf(linFtrs);
        ps = List.copyOf(ps);
        if (ps.isEmpty()) {
            throw new IllegalArgumentException("ps must hold at least one dropout probability");
        }
        for (double p : ps) {
            if (p < 0 || p >= 1) {
                throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
            }
        }
        if (yRange != null && yRange.length != 2) {
            throw new IllegalArgumentException("yRange must be {low, high}");
        }
        yRange = yRange == null ? null : yRange.clone();
    }

    /**
     * fastai's defaults: lin_ftrs [512], ps 0.5, pool, concat_pool, first_bn, no bn_final, not lin_first.
     *
     * @return the default options
     */
    public static HeadOptions defaults() {
        return new HeadOptions(List.of(512), List.of(0.5), true, true, true, false, false, null);
    }

    /**
     * {@return a copy with other hidden sizes}
     *
     * @param v the hidden sizes
     */
    public HeadOptions withLinFtrs(List<Integer> v) {
        return new HeadOptions(v, ps, pool, concatPool, firstBn, bnFinal, linFirst, yRange);
    }

    /**
     * {@return a copy with other dropout probabilities}
     *
     * @param v the dropout probabilities (see {@link #ps()})
     */
    public HeadOptions withPs(List<Double> v) {
        return new HeadOptions(linFtrs, v, pool, concatPool, firstBn, bnFinal, linFirst, yRange);
    }

    /**
     * {@return a copy with another y range}
     *
     * @param low the smallest output
     * @param high the largest output
     */
    public HeadOptions withYRange(float low, float high) {
        return new HeadOptions(linFtrs, ps, pool, concatPool, firstBn, bnFinal, linFirst, new float[] {low, high});
    }

    /**
     * {@return a copy with bn_final set}
     *
     * @param v whether BatchNorm1d follows the last linear layer
     */
    public HeadOptions withBnFinal(boolean v) {
        return new HeadOptions(linFtrs, ps, pool, concatPool, firstBn, v, linFirst, yRange);
    }

    /**
     * {@return a copy with lin_first set}
     *
     * @param v whether linear comes before BatchNorm and dropout
     */
    public HeadOptions withLinFirst(boolean v) {
        return new HeadOptions(linFtrs, ps, pool, concatPool, firstBn, bnFinal, v, yRange);
    }

    /**
     * {@return a copy with the pooling options set}
     *
     * @param pool whether to pool (and flatten) first
     * @param concatPool concat max and average pools rather than average only
     */
    public HeadOptions withPool(boolean pool, boolean concatPool) {
        return new HeadOptions(linFtrs, ps, pool, concatPool, firstBn, bnFinal, linFirst, yRange);
    }

    /**
     * {@return a copy with first_bn set}
     *
     * @param v whether BatchNorm comes before the first linear layer
     */
    public HeadOptions withFirstBn(boolean v) {
        return new HeadOptions(linFtrs, ps, pool, concatPool, v, bnFinal, linFirst, yRange);
    }
}
