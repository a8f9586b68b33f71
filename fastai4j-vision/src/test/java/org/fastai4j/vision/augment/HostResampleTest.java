package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;
import org.fastai4j.data.BatchContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CPU path ({@link HostResample}) against torch 1.13's {@code F.affine_grid}/{@code
 * F.grid_sample} on the fixtures of {@code make_grid_sample_fixture.py} (the cases of {@link
 * GridSampleTorchTest}, max abs difference at most 1e-5), and the whole {@link
 * AffineCoordTransform} on the CPU path against its NDArray path on the same draws (flip,
 * rotation, zoom in and out, warp; every pad and sample mode, both align_corners; at the input
 * size and larger outputs one image at a time ({@link HostAffine}), at smaller outputs and with
 * fastai's area pre-shrink on the batch grid): the same operations in the same order, so within 1e-5.
 */
class HostResampleTest {
    private static Map<String, TensorArchive.Tensor> fx;

    @BeforeAll
    static void load() throws IOException {
        fx = TensorArchive.read("/augment/grid_sample.bin");
    }

    private static FloatBuffer buffer(float[] data) {
        FloatBuffer b = ByteBuffer.allocateDirect(4 * data.length).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        b.put(0, data);
        return b;
    }

    private static float[] sample(float[] grid, int ho, int wo, String pad, String mode,
            boolean ac) {
        TensorArchive.Tensor in = fx.get("input");
        long[] s = in.shape();
        int n = (int) s[0];
        int c = (int) s[1];
        FloatBuffer dst = buffer(new float[n * c * ho * wo]);
        HostResample.sample(buffer(in.data()), n, c, (int) s[2], (int) s[3], grid, ho * wo,
                SampleMode.of(mode), PadMode.of(pad), ac, dst);
        float[] out = new float[n * c * ho * wo];
        dst.get(0, out);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"a,7,9,ac", "a,5,6,ac", "b,7,9,ac", "b,5,6,ac", "a,7,9,nac", "a,5,6,nac",
        "b,7,9,nac"})
    void gridMatchesTorch(String theta, int h, int w, String align) {
        TensorArchive.Tensor t = fx.get("theta_" + theta);
        float[] g = HostResample.grid(t.data(), (int) t.shape()[0], h, w, align.equals("ac"));
        float[] want = fx.get("grid_" + theta + "_" + h + "x" + w + "_" + align).data();
        assertThat(TensorArchive.maxAbsDiff(g, want)).isLessThanOrEqualTo(1e-6f);
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
        boolean ac = align.equals("ac");
        TensorArchive.Tensor t = fx.get("theta_" + theta);
        float[] g = HostResample.grid(t.data(), (int) t.shape()[0], h, w, ac);
        float[] want = fx.get("out_" + theta + "_" + h + "x" + w + "_" + pad + "_" + mode + "_" + align)
                .data();
        assertThat(TensorArchive.maxAbsDiff(sample(g, h, w, pad, mode, ac), want))
                .isLessThanOrEqualTo(1e-5f);
    }

    @ParameterizedTest
    @CsvSource({"reflection,bilinear,ac", "zeros,bilinear,ac", "border,bilinear,ac",
        "reflection,nearest,ac", "reflection,bilinear,nac", "zeros,bilinear,nac", "border,nearest,nac"})
    void freeGridMatchesTorch(String pad, String mode, String align) {
        TensorArchive.Tensor grid = fx.get("grid_c");
        float[] want = fx.get("out_c_" + pad + "_" + mode + "_" + align).data();
        float[] got = sample(grid.data(), (int) grid.shape()[1], (int) grid.shape()[2], pad, mode,
                align.equals("ac"));
        assertThat(TensorArchive.maxAbsDiff(got, want)).isLessThanOrEqualTo(1e-5f);
    }

    @ParameterizedTest
    @CsvSource({"reflection,bilinear,true,0,0", "zeros,bilinear,true,0,0", "border,bilinear,true,0,0",
        "reflection,nearest,true,0,0", "zeros,nearest,false,0,0", "reflection,bilinear,false,0,0",
        "border,bilinear,false,0,0", "reflection,bilinear,true,13,11", "zeros,bilinear,true,5,4",
        "reflection,bilinear,true,40,45", "zeros,nearest,false,36,29"})
    void cpuPathMatchesNdArrayPath(String pad, String mode, boolean ac, int oh, int ow) {
        AffineOptions o = new AffineOptions(oh, ow, SampleMode.of(mode), PadMode.of(pad), ac, false);
        // fastai's largest default warp: a stronger one can bring the homography's denominator
        // near 0, where float32 rounding alone moves coordinates by whole pixels on either path
        AffineCoordTransform t = new Flip(0.5, o).compose(new Warp(0.2, 0.9, o))
                .compose(new Rotate(30, 0.9, o)).compose(new Zoom(0.8, 1.4, 0.9, o));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = AffineTransformsTest.batch(m, 6, 3, 31, 37, 11);
            for (long seed : List.of(1L, 2L, 3L)) {
                BatchContext ctx = new BatchContext(true, seed, m);
                NDArray host = t.apply(x, ctx, true);
                NDArray nd = t.apply(x, ctx, false);
                assertThat(host.getShape()).isEqualTo(nd.getShape());
                assertThat(AffineTransformsTest.maxDiff(host, nd)).isLessThanOrEqualTo(1e-5f);
            }
        }
    }

    @Test
    void oneImageAtATimeSaysWhenAWarpDenominatorIsZero() {
        // identity matrix, 3x3 output (grid x in {-1, 0, 1}): c6 = 1 makes the denominator
        // x + 1, which is 0 in the left column; c6 = 0.5 keeps it positive
        float[] theta = {1, 0, 0, 0, 1, 0};
        double[] singular = new double[10];
        singular[8] = 1;
        double[] regular = new double[10];
        regular[8] = 0.5;
        regular[2] = 1;
        regular[6] = 1;
        FloatBuffer src = buffer(new float[9]);
        assertThat(HostAffine.sample(src, 1, 1, 3, 3, theta, new double[][] {singular}, 3, 3,
                SampleMode.BILINEAR, PadMode.REFLECTION, true, buffer(new float[9]))).isFalse();
        assertThat(HostAffine.sample(src, 1, 1, 3, 3, theta, new double[][] {regular}, 3, 3,
                SampleMode.BILINEAR, PadMode.REFLECTION, true, buffer(new float[9]))).isTrue();
    }

    @Test
    void reflectionInsideTheImageIsTheCoordinateItself() {
        // with align_corners, torch reflects |v| mod 2(size-1): inside [0, size-1] nothing moves
        for (float g : new float[] {-1f, -0.3f, 0f, 0.41f, 1f}) {
            float v = (g + 1) * ((224 - 1) / 2f);
            assertThat(HostResample.coordinate(g, 224, PadMode.REFLECTION, true)).isEqualTo(v);
        }
        // outside it mirrors: 1.5 is 0.5 past the right edge, so it reads 0.5 before it
        assertThat(HostResample.coordinate(1.5f, 5, PadMode.REFLECTION, true)).isEqualTo(3f);
        assertThat(HostResample.coordinate(-1.5f, 5, PadMode.REFLECTION, true)).isEqualTo(1f);
    }
}
