package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.Map;
import org.fastai4j.core.affine.AffineGrid;
import org.fastai4j.core.affine.GridSample;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link AffineGrid} and {@link GridSample} against torch 1.13's {@code F.affine_grid} and {@code
 * F.grid_sample} on the fixtures of {@code make_grid_sample_fixture.py}: 2 images 3x7x9, matrices
 * with rotation, zoom in and out, flips and translations beyond the borders, a free grid with
 * coordinates in [-3, 3]; outputs 7x9 and 5x6; every pad mode, both sample modes and both
 * align_corners settings. Expected: max abs difference at most 1e-5.
 */
class GridSampleTorchTest {
    private static Map<String, TensorArchive.Tensor> fx;

    @BeforeAll
    static void load() throws IOException {
        fx = TensorArchive.read("/augment/grid_sample.bin");
    }

    @ParameterizedTest
    @CsvSource({"a,7,9,ac", "a,5,6,ac", "b,7,9,ac", "b,5,6,ac", "a,7,9,nac", "a,5,6,nac",
        "b,7,9,nac"})
    void affineGridMatchesTorch(String theta, int h, int w, String align) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray g = AffineGrid.grid(fx.get("theta_" + theta).toNd(m), h, w, align.equals("ac"), m);
            TensorArchive.Tensor want = fx.get("grid_" + theta + "_" + h + "x" + w + "_" + align);
            assertThat(g.getShape().getShape()).containsExactly(want.shape());
            assertThat(TensorArchive.maxAbsDiff(g.toFloatArray(), want.data())).isLessThanOrEqualTo(1e-6f);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "a,7,9,reflection,bilinear,ac", "a,7,9,zeros,bilinear,ac", "a,7,9,border,bilinear,ac",
        "a,5,6,reflection,bilinear,ac", "a,5,6,zeros,bilinear,ac", "a,5,6,border,bilinear,ac",
        "b,7,9,reflection,bilinear,ac", "b,5,6,zeros,nearest,ac", "a,7,9,reflection,nearest,ac",
        "a,7,9,border,nearest,ac", "a,7,9,zeros,nearest,ac",
        "a,7,9,reflection,bilinear,nac", "a,5,6,zeros,bilinear,nac", "a,7,9,border,bilinear,nac",
        "a,7,9,reflection,nearest,nac"})
    void affineSampleMatchesTorch(String theta, int h, int w, String pad, String mode, String align) {
        try (NDManager m = NDManager.newBaseManager()) {
            boolean ac = align.equals("ac");
            NDArray g = AffineGrid.grid(fx.get("theta_" + theta).toNd(m), h, w, ac, m);
            NDArray out = GridSample.sample(fx.get("input").toNd(m), g, SampleMode.of(mode),
                    PadMode.of(pad), ac, m);
            TensorArchive.Tensor want =
                    fx.get("out_" + theta + "_" + h + "x" + w + "_" + pad + "_" + mode + "_" + align);
            assertThat(out.getShape().getShape()).containsExactly(want.shape());
            assertThat(TensorArchive.maxAbsDiff(out.toFloatArray(), want.data())).isLessThanOrEqualTo(1e-5f);
        }
    }

    @ParameterizedTest
    @CsvSource({"reflection,bilinear,ac", "zeros,bilinear,ac", "border,bilinear,ac",
        "reflection,nearest,ac", "reflection,bilinear,nac", "zeros,bilinear,nac", "border,nearest,nac"})
    void freeGridMatchesTorch(String pad, String mode, String align) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray out = GridSample.sample(fx.get("input").toNd(m), fx.get("grid_c").toNd(m),
                    SampleMode.of(mode), PadMode.of(pad), align.equals("ac"), m);
            TensorArchive.Tensor want = fx.get("out_c_" + pad + "_" + mode + "_" + align);
            assertThat(out.getShape().getShape()).containsExactly(want.shape());
            assertThat(TensorArchive.maxAbsDiff(out.toFloatArray(), want.data())).isLessThanOrEqualTo(1e-5f);
        }
    }
}
