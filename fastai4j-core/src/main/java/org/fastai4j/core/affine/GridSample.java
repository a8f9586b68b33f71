package org.fastai4j.core.affine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Samples a batch of images at a grid of normalized coordinates, as torch's {@code
 * F.grid_sample} (4-D input, bilinear or nearest, zeros/border/reflection padding, either {@code
 * align_corners}). Coordinates are unnormalized, padded (clamped or reflected as torch's CPU
 * kernel does), and the corner pixels read with one {@code gather} on the flattened spatial axis
 * for the whole batch; corners outside the image weigh zero.
 */
public final class GridSample {
    private GridSample() {}

    /**
     * Samples {@code input} at {@code grid}.
     *
     * @param input N&times;C&times;H&times;W floating-point images
     * @param grid N&times;Ho&times;Wo&times;2 coordinates (x, y); -1 and 1 are the image's corners
     * @param mode bilinear or nearest
     * @param pad what coordinates outside [-1, 1] read
     * @param alignCorners torch's {@code align_corners} (fastai uses true)
     * @param manager owns the result; temporaries live in a sub-manager closed before returning
     * @return N&times;C&times;Ho&times;Wo samples, same data type as {@code input}
     */
    public static NDArray sample(
            NDArray input,
            NDArray grid,
            SampleMode mode,
            PadMode pad,
            boolean alignCorners,
            NDManager manager) {
        Shape is = input.getShape();
        Shape gs = grid.getShape();
        if (is.dimension() != 4 || !input.getDataType().isFloating()) {
            throw new IllegalArgumentException(
                    "input must be N x C x H x W floating point, got " + input.getDataType() + " " + is);
        }
        if (gs.dimension() != 4 || gs.get(3) != 2 || gs.get(0) != is.get(0)) {
            throw new IllegalArgumentException(
                    "grid must be N x Ho x Wo x 2 with N = " + is.get(0) + ", got " + gs);
        }
        long n = is.get(0);
        long c = is.get(1);
        int h = Math.toIntExact(is.get(2));
        int w = Math.toIntExact(is.get(3));
        long p = gs.get(1) * gs.get(2);
        try (NDManager scope = manager.newSubManager(input.getDevice())) {
            input.tempAttach(scope);
            grid.tempAttach(scope);
            NDArray g = grid.toType(input.getDataType(), false).reshape(n, p, 2);
            NDArray x = coordinate(g.get(":, :, 0"), w, pad, alignCorners);
            NDArray y = coordinate(g.get(":, :, 1"), h, pad, alignCorners);
            NDArray flat = input.reshape(n, c, (long) h * w);
            NDArray out;
            if (mode == SampleMode.NEAREST) {
                out = read(flat, new NDList(x.round()), new NDList(y.round()), null, h, w, c, p);
            } else {
                NDArray x0 = x.floor();
                NDArray y0 = y.floor();
                NDArray x1 = x0.add(1);
                NDArray y1 = y0.add(1);
                NDArray east = x.sub(x0);
                NDArray west = x1.sub(x);
                NDArray south = y.sub(y0);
                NDArray north = y1.sub(y);
                NDList weights = new NDList(
                        north.mul(west), north.mul(east), south.mul(west), south.mul(east));
                out = read(flat, new NDList(x0, x1, x0, x1), new NDList(y0, y0, y1, y1),
                        weights, h, w, c, p);
            }
            NDArray result = out.reshape(n, c, gs.get(1), gs.get(2));
            result.attach(manager);
            return result;
        }
    }

    /** Reads the corners (xs[i], ys[i]) of every sample, weighted, zero outside the image. */
    private static NDArray read(NDArray flat, NDList xs, NDList ys, NDList weights,
            int h, int w, long c, long p) {
        long n = flat.getShape().get(0);
        int k = xs.size();
        NDArray cx = NDArrays.concat(xs, 1);
        NDArray cy = NDArrays.concat(ys, 1);
        NDArray inside = cx.gte(0).logicalAnd(cx.lte(w - 1))
                .logicalAnd(cy.gte(0)).logicalAnd(cy.lte(h - 1))
                .toType(flat.getDataType(), false);
        NDArray index = cy.clip(0, h - 1).toType(DataType.INT64, false).mul((long) w)
                .add(cx.clip(0, w - 1).toType(DataType.INT64, false));
        NDArray values = flat.gather(index.expandDims(1).broadcast(n, c, k * p), 2);
        NDArray weight = weights == null ? inside : NDArrays.concat(weights, 1).mul(inside);
        NDArray weighted = values.mul(weight.expandDims(1)).reshape(n, c, k, p);
        return k == 1 ? weighted.squeeze(2) : weighted.sum(new int[] {2});
    }

    /** Unnormalizes one coordinate axis and applies the padding, as torch's CPU kernel. */
    static NDArray coordinate(NDArray g, int size, PadMode pad, boolean alignCorners) {
        NDArray v;
        if (alignCorners) {
            float scale = (size - 1) / 2f;
            v = g.add(1).mul(scale);
        } else {
            float scale = size / 2f;
            v = g.mul(scale).add(scale - 0.5f);
        }
        if (pad == PadMode.BORDER) {
            v = v.clip(0, size - 1);
        } else if (pad == PadMode.REFLECTION) {
            v = reflect(v, size, alignCorners).clip(0, size - 1);
        }
        return v;
    }

    /** Mirrors coordinates into [low, low + span], as torch's vectorised reflect_coordinates. */
    private static NDArray reflect(NDArray v, int size, boolean alignCorners) {
        float low = alignCorners ? 0f : -0.5f;
        float twiceSpan = alignCorners ? 2f * (size - 1) : 2f * size;
        if (twiceSpan == 0f) {
            return v.zerosLike();
        }
        NDArray abs = (low == 0f ? v : v.sub(low)).abs();
        NDArray flips = abs.div(twiceSpan).floor(); // trunc, abs >= 0
        NDArray extra = abs.sub(flips.mul(twiceSpan));
        NDArray r = NDArrays.minimum(extra, extra.neg().add(twiceSpan));
        return low == 0f ? r : r.add(low);
    }
}
