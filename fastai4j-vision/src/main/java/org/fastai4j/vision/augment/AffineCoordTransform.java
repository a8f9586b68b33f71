package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fastai4j.core.Seeds;
import org.fastai4j.core.affine.AffineGrid;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;

/**
 * fastai's {@code AffineCoordTfm}: random affine matrices and coordinate warps, merged into one
 * sampling grid per image and resampled once. Per image the matrices are multiplied in order
 * ({@code I · m1 · m2 ...}), corrected for the aspect ratio as fastai's {@code _prepare_mat}
 * ({@code m[0][1] *= h/w}, {@code m[1][0] *= w/h}), turned into a grid ({@code F.affine_grid}),
 * the coordinate transforms applied to that grid, and the batch sampled ({@code F.grid_sample}).
 * When the output is much smaller than the input, the input is area-resized first, as fastai's
 * {@code _grid_sample}. Order 30, after {@code IntToFloat} (10), before lighting (40) and
 * {@code Normalize} (99).
 *
 * <p>On the CPU (a float32 batch of the PyTorch engine) the grid is built and sampled in Java,
 * one pass per image ({@code HostResample}); on a GPU with NDArray ops ({@link AffineGrid},
 * {@code GridSample}). Both follow torch's kernels operation by operation and agree to float32
 * rounding.
 *
 * <p>Randomness: every component draws from its own stream, seeded by {@code
 * Seeds.derive(ctx.seed(), kind, occurrence)}, so a batch is reproducible from its seed and the
 * same component draws the same whether alone or composed. On validation batches nothing is
 * applied, except a resample to the output size when one is set (as fastai).
 */
public class AffineCoordTransform implements BatchTransform {
    /** fastai's order for {@code AffineCoordTfm}. */
    public static final int ORDER = 30;

    private final List<AffineSource> affines;
    private final List<CoordSource> coords;
    private final AffineOptions options;

    AffineCoordTransform(List<AffineSource> affines, List<CoordSource> coords, AffineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        this.affines = List.copyOf(affines);
        this.coords = List.copyOf(coords);
        this.options = options;
    }

    /**
     * This transform followed by {@code other}, resampled once (fastai's {@code compose}); the
     * resampling options are this one's.
     *
     * @param other the transform to apply after this one
     * @return a new merged transform
     */
    public AffineCoordTransform compose(AffineCoordTransform other) {
        List<AffineSource> a = new ArrayList<>(affines);
        a.addAll(other.affines);
        List<CoordSource> c = new ArrayList<>(coords);
        c.addAll(other.coords);
        return new AffineCoordTransform(a, c, options);
    }

    /**
     * The resampling options.
     *
     * @return size, mode, padding, align corners, batch
     */
    public AffineOptions options() {
        return options;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public String describe() {
        String parts = Stream.concat(affines.stream().map(AffineSource::describe),
                coords.stream().map(CoordSource::describe)).collect(Collectors.joining(", "));
        return "AffineCoordTransform[" + parts + "; " + options.mode().torchName() + ", "
                + options.padMode().torchName()
                + (options.hasSize() ? ", size " + options.height() + "x" + options.width() : "")
                + "]";
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        return apply(x, ctx, onHost(x));
    }

    /** {@link #apply(NDArray, BatchContext)} on the CPU path ({@code host}) or with NDArray ops. */
    NDArray apply(NDArray x, BatchContext ctx, boolean host) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || !x.getDataType().isFloating()) {
            throw new IllegalArgumentException(describe() + " expects a float batch N x C x H x W"
                    + " in [0, 1] (IntToFloat, order 10, runs first), got "
                    + x.getDataType() + " " + s);
        }
        int n = Math.toIntExact(s.get(0));
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        if (!ctx.training() && !options.hasSize()) {
            return x;
        }
        double[][] mats;
        double[][][] params = new double[coords.size()][][];
        if (ctx.training()) {
            mats = drawMatrices(n, ctx.seed());
            Map<Long, Integer> seen = new HashMap<>();
            for (int i = 0; i < coords.size(); i++) {
                CoordSource c = coords.get(i);
                params[i] = c.draw(n, rng(ctx.seed(), c.salt(), seen));
            }
        } else {
            mats = new double[n][];
            for (int i = 0; i < n; i++) {
                mats[i] = AffineSource.affine(1, 0, 0, 0, 1, 0);
            }
        }
        int outH = options.hasSize() ? options.height() : h;
        int outW = options.hasSize() ? options.width() : w;
        if (host) {
            return applyOnHost(x, ctx, mats, params, outH, outW);
        }
        try (NDManager scope = ctx.manager().newSubManager(x.getDevice())) {
            x.tempAttach(scope);
            NDArray theta = scope.create(prepare(mats, h, w), new Shape(n, 2, 3));
            NDArray grid = AffineGrid.grid(theta, outH, outW, options.alignCorners(), scope);
            if (ctx.training() && !coords.isEmpty()) {
                NDArray g = grid.reshape(n, (long) outH * outW, 2);
                for (int i = 0; i < coords.size(); i++) {
                    g = coords.get(i).apply(g, params[i]);
                }
                grid = g.reshape(n, outH, outW, 2);
            }
            NDArray out = Resampling.sample(x, grid, options, scope);
            out.attach(ctx.manager());
            return out;
        }
    }

    /** True when {@code x} takes the CPU path: a float32 array of the PyTorch engine on the CPU. */
    static boolean onHost(NDArray x) {
        return !x.getDevice().isGpu() && x.getDataType() == DataType.FLOAT32
                && "PyTorch".equals(x.getManager().getEngine().getEngineName());
    }

    /** {@link #apply} with the grid built and sampled in Java ({@link HostResample}). */
    NDArray applyOnHost(NDArray x, BatchContext ctx, double[][] mats, double[][][] params,
            int outH, int outW) {
        Shape s = x.getShape();
        int n = Math.toIntExact(s.get(0));
        int c = Math.toIntExact(s.get(1));
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        int p = outH * outW;
        float[] theta = prepare(mats, h, w);
        boolean warpOnly = coords.size() == 1 && coords.get(0) instanceof Warp.Source;
        if (!Resampling.mayShrink(options.mode(), h, w, outW, 2)
                && (!ctx.training() || coords.isEmpty() || warpOnly)) {
            // one image at a time, no batch-sized grid
            try (NDManager scope = ctx.manager().newSubManager(x.getDevice())) {
                x.tempAttach(scope);
                NDArray out = scope.create(new Shape(n, c, outH, outW), DataType.FLOAT32);
                if (HostAffine.sample(x.toByteBuffer(true).asFloatBuffer(), n, c, h, w, theta,
                        ctx.training() && warpOnly ? params[0] : null, outH, outW,
                        options.mode(), options.padMode(), options.alignCorners(),
                        out.toByteBuffer(true).asFloatBuffer())) {
                    out.attach(ctx.manager());
                    return out;
                }
            } // a warp denominator was 0: the batch path below leaves the batch unwarped
        }
        float[] grid = HostResample.grid(theta, n, outH, outW, options.alignCorners());
        if (ctx.training()) {
            for (int i = 0; i < coords.size(); i++) {
                grid = coords.get(i).apply(grid, p, params[i]);
            }
        }
        float[] g = grid;
        try (NDManager scope = ctx.manager().newSubManager(x.getDevice())) {
            x.tempAttach(scope);
            NDArray in = Resampling.shrinkFirst(x, outW, 2, options.mode(),
                    () -> HostResample.span(g), scope);
            Shape is = in.getShape();
            NDArray out = scope.create(new Shape(n, is.get(1), outH, outW), DataType.FLOAT32);
            HostResample.sample(in.toByteBuffer(true).asFloatBuffer(), n,
                    Math.toIntExact(is.get(1)), Math.toIntExact(is.get(2)),
                    Math.toIntExact(is.get(3)), g, p, options.mode(), options.padMode(),
                    options.alignCorners(), out.toByteBuffer(true).asFloatBuffer());
            out.attach(ctx.manager());
            return out;
        }
    }

    /** The composed matrices per image (before the aspect correction) for a batch seed. */
    double[][] drawMatrices(int n, long seed) {
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = AffineSource.affine(1, 0, 0, 0, 1, 0);
        }
        Map<Long, Integer> seen = new HashMap<>();
        for (AffineSource a : affines) {
            double[][] d = a.draw(n, rng(seed, a.salt(), seen));
            for (int i = 0; i < n; i++) {
                m[i] = multiply(m[i], d[i]);
            }
        }
        return m;
    }

    /** The coordinate sources' parameters for a batch seed (for tests). */
    double[][][] drawCoordParams(int n, long seed) {
        Map<Long, Integer> seen = new HashMap<>();
        double[][][] p = new double[coords.size()][][];
        for (int i = 0; i < coords.size(); i++) {
            p[i] = coords.get(i).draw(n, rng(seed, coords.get(i).salt(), seen));
        }
        return p;
    }

    private static SplittableRandom rng(long seed, long salt, Map<Long, Integer> seen) {
        int occurrence = seen.merge(salt, 1, Integer::sum) - 1;
        return new SplittableRandom(Seeds.derive(seed, salt, occurrence));
    }

    /** Row-major 3x3 product {@code a · b}. */
    static double[] multiply(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += a[3 * i + k] * b[3 * k + j];
                }
                r[3 * i + j] = v;
            }
        }
        return r;
    }

    /** fastai's {@code _prepare_mat}: aspect correction, first two rows, as float N x 2 x 3. */
    static float[] prepare(double[][] mats, int h, int w) {
        float[] theta = new float[mats.length * 6];
        for (int i = 0; i < mats.length; i++) {
            double[] m = mats[i];
            theta[6 * i] = (float) m[0];
            theta[6 * i + 1] = (float) (m[1] * h / w);
            theta[6 * i + 2] = (float) m[2];
            theta[6 * i + 3] = (float) (m[3] * w / h);
            theta[6 * i + 4] = (float) m[4];
            theta[6 * i + 5] = (float) m[5];
        }
        return theta;
    }
}
