package org.fastai4j.core.affine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
            NDArray out = mode == SampleMode.NEAREST
                    ? nearest(flat, x, y, h, w, pad)
                    : bilinear(flat, x, y, h, w, pad);
            NDArray result = out.reshape(n, c, gs.get(1), gs.get(2));
            result.attach(manager);
            return result;
        }
    }

    /** torch's bilinear: ((nw + ne) + sw) + se, corners outside the image weighing zero. */
    private static NDArray bilinear(NDArray flat, NDArray x, NDArray y, int h, int w, PadMode pad) {
        NDArray x0 = x.floor();
        NDArray y0 = y.floor();
        NDArray east = x.sub(x0);
        NDArray west = x0.add(1).sub(x);
        NDArray south = y.sub(y0);
        NDArray north = y0.add(1).sub(y);
        if (pad == PadMode.ZEROS) { // border/reflection coordinates are inside already
            west = west.mul(inside(x0, w));
            east = east.mul(inside(x0.add(1), w));
            north = north.mul(inside(y0, h));
            south = south.mul(inside(y0.add(1), h));
        }
        NDArray cx0 = toIndex(x0.clip(0, w - 1));
        NDArray cx1 = toIndex(x0.add(1).clip(0, w - 1));
        NDArray row0 = toIndex(y0.clip(0, h - 1)).mul((long) w);
        NDArray row1 = toIndex(y0.add(1).clip(0, h - 1)).mul((long) w);
        NDArray out = pick(flat, row0.add(cx0)).mul(north.mul(west).expandDims(1));
        out.addi(pick(flat, row0.add(cx1)).mul(north.mul(east).expandDims(1)));
        out.addi(pick(flat, row1.add(cx0)).mul(south.mul(west).expandDims(1)));
        out.addi(pick(flat, row1.add(cx1)).mul(south.mul(east).expandDims(1)));
        return out;
    }

    /** torch's nearest: coordinates rounded half to even; outside the image reads 0. */
    private static NDArray nearest(NDArray flat, NDArray x, NDArray y, int h, int w, PadMode pad) {
        NDArray rx = x.round();
        NDArray ry = y.round();
        NDArray v = pick(flat,
                toIndex(ry.clip(0, h - 1)).mul((long) w).add(toIndex(rx.clip(0, w - 1))));
        if (pad == PadMode.ZEROS) {
            v = v.mul(inside(rx, w).mul(inside(ry, h)).expandDims(1));
        }
        return v;
    }

    /** 1 where an integer-valued coordinate lies in [0, size - 1], else 0, in the input's type. */
    private static NDArray inside(NDArray v, int size) {
        return v.gte(0).logicalAnd(v.lte(size - 1)).toType(v.getDataType(), false);
    }

    /** Integer-valued float coordinates as int64 indices (exact for any image size). */
    private static NDArray toIndex(NDArray v) {
        return v.toType(DataType.INT64, false);
    }

    /** Reads flat[n, c, index[n, p]] (int64 index) for every channel: N x C x P. */
    private static NDArray pick(NDArray flat, NDArray index) {
        Shape fs = flat.getShape();
        NDArray idx = index.expandDims(1);
        return flat.gather(idx.broadcast(fs.get(0), fs.get(1), index.getShape().get(1)), 2);
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
