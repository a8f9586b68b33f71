package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.fastai4j.data.BatchContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole aug_transforms pipeline for fixed draws (flip, rotation, zoom and centre, warp x_t
 * and y_t, brightness b, contrast c per image, on 7x9 images so fastai's aspect correction
 * matters) against make_pipeline_fixture.py, which writes fastai's formulas in plain torch 1.13:
 * the same matrices composed flip @ rotate @ zoom, _prepare_mat, affine_grid, the warp homography,
 * grid_sample (for the 4x3 output after fastai's area pre-shrink), then
 * sigmoid((logit(x) + logit(b)) * c). Max abs difference at most 1e-5.
 */
class PipelineFastaiTest {
    private static Map<String, TensorArchive.Tensor> fx;
    private static double[][] draws;

    @BeforeAll
    static void load() throws IOException {
        fx = TensorArchive.read("/augment/pipeline.bin");
        TensorArchive.Tensor d = fx.get("draws");
        int cols = (int) d.shape()[1];
        draws = new double[(int) d.shape()[0]][cols];
        for (int i = 0; i < draws.length; i++) {
            for (int j = 0; j < cols; j++) {
                draws[i][j] = d.data()[i * cols + j];
            }
        }
    }

    /** An affine source returning fixed per-image matrices. */
    private record Fixed(IntFunction<double[]> mat) implements AffineSource {
        public double[][] draw(int n, SplittableRandom rng) {
            double[][] m = new double[n][];
            for (int i = 0; i < n; i++) {
                m[i] = mat.apply(i);
            }
            return m;
        }

        public long salt() {
            return 1;
        }

        public String describe() {
            return "Fixed";
        }
    }

    /** The real warp, with fixed x_t, y_t. */
    private record FixedWarp() implements CoordSource {
        public double[][] draw(int n, SplittableRandom rng) {
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = Warp.params(draws[i][5], draws[i][6]);
            }
            return rows;
        }

        public NDArray apply(NDArray grid, double[][] params) {
            return new Warp.Source(0.2, 1, false).apply(grid, params);
        }

        public float[] apply(float[] grid, int p, double[][] params) {
            return new Warp.Source(0.2, 1, false).apply(grid, p, params);
        }

        public long salt() {
            return 2;
        }

        public String describe() {
            return "FixedWarp";
        }
    }

    /** The real brightness/contrast maps in logit space, with fixed draws from a column. */
    private record FixedLogit(LogitSource real, int column) implements LogitSource {
        public double[] draw(int n, SplittableRandom rng) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = draws[i][column];
            }
            return d;
        }

        public double scale(double v) {
            return real.scale(v);
        }

        public double shift(double v) {
            return real.shift(v);
        }

        public long salt() {
            return column;
        }

        public String describe() {
            return "FixedLogit";
        }
    }

    @ParameterizedTest
    @CsvSource({"7,9", "5,6", "3,4", "4,3"})
    void matchesFastaiFormulas(int h, int w) {
        AffineOptions opts = h == 7 ? AffineOptions.DEFAULT : AffineOptions.DEFAULT.withSize(h, w);
        AffineCoordTransform aff = new AffineCoordTransform(List.of(
                new Fixed(i -> Flip.matrix(draws[i][0])),
                new Fixed(i -> Rotate.matrix(draws[i][1])),
                new Fixed(i -> Zoom.matrix(draws[i][2], draws[i][3], draws[i][4]))),
                List.of(new FixedWarp()), opts);
        LightingTransform lit = new LightingTransform(List.of(
                new FixedLogit(new Brightness.Source(0.2, 1, false), 7),
                new FixedLogit(new Contrast.Source(0.2, 1, false), 8)));
        try (NDManager m = NDManager.newBaseManager()) {
            BatchContext ctx = new BatchContext(true, 0, m);
            NDArray y = aff.apply(fx.get("input").toNd(m), ctx);
            TensorArchive.Tensor want = fx.get("affine_" + h + "x" + w);
            assertThat(y.getShape().getShape()).containsExactly(want.shape());
            assertThat(TensorArchive.maxAbsDiff(y.toFloatArray(), want.data())).isLessThanOrEqualTo(1e-5f);
            NDArray z = lit.apply(y, ctx);
            float[] lw = fx.get("lit_" + h + "x" + w).data();
            assertThat(TensorArchive.maxAbsDiff(z.toFloatArray(), lw)).isLessThanOrEqualTo(1e-5f);
        }
    }
}
