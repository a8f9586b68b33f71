package org.fastai4j.vision.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.data.ItemContext;
import org.fastai4j.vision.image.Images;
import org.fastai4j.vision.image.OpenCv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Expected placements follow fastai's Resize.encodes / RandomResizedCrop formulas (see Javadoc). */
class ResizeTest {
    static final ItemContext VALID = new ItemContext(1, false);

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    /** h×w image; pixel (r, c) = (R = 10·c + 1, G = 10·r + 1, B = 7). */
    static Mat grid(int h, int w) {
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        byte[] d = new byte[h * w * 3];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                d[(r * w + c) * 3] = (byte) (10 * c + 1);
                d[(r * w + c) * 3 + 1] = (byte) (10 * r + 1);
                d[(r * w + c) * 3 + 2] = 7;
            }
        }
        m.put(0, 0, d);
        return m;
    }

    static int px(Mat m, int r, int c, int ch) {
        return Images.hwcBytes(m)[(r * m.cols() + c) * 3 + ch] & 0xff;
    }

    @Test
    void cropOnValidationIsCentred() {
        // W=8, H=4, target 4x4: m = H/h = 1, crop 4x4 at left = int(0.5*(8-4)) = 2, top 0
        Mat out = Resize.of(4).apply(grid(4, 8), VALID);
        assertThat(new int[] {out.rows(), out.cols()}).containsExactly(4, 4);
        for (int c = 0; c < 4; c++) {
            assertThat(px(out, 0, c, 0)).isEqualTo(10 * (c + 2) + 1);
        }
        assertThat(px(out, 3, 0, 1)).isEqualTo(31);
    }

    @Test
    void cropOnTrainingIsRandomButSeeded() {
        Set<Integer> lefts = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            Mat out = Resize.of(4).apply(grid(4, 8), new ItemContext(seed, true));
            int left = (px(out, 0, 0, 0) - 1) / 10;
            // left = int(U(0,1) * (8 - 4)) is in 0..3 and columns stay contiguous
            assertThat(left).isBetween(0, 3);
            assertThat(px(out, 0, 3, 0)).isEqualTo(10 * (left + 3) + 1);
            Mat again = Resize.of(4).apply(grid(4, 8), new ItemContext(seed, true));
            assertThat(px(again, 0, 0, 0)).isEqualTo(px(out, 0, 0, 0));
            lefts.add(left);
        }
        assertThat(lefts).hasSize(4);
    }

    @Test
    void padModesFillAboveAndBelow() {
        // W=8, H=4, target 8x8, pad: m = W/w = 1, region 8x8 at top = int(0.5*(4-8)) = -2
        Mat zeros = Resize.of(8, 8, ResizeMethod.PAD, PadMode.ZEROS).apply(grid(4, 8), VALID);
        assertThat(new int[] {zeros.rows(), zeros.cols()}).containsExactly(8, 8);
        assertThat(px(zeros, 0, 3, 0)).isZero();
        assertThat(px(zeros, 1, 3, 2)).isZero();
        assertThat(px(zeros, 2, 3, 1)).isEqualTo(1); // original row 0
        assertThat(px(zeros, 5, 3, 1)).isEqualTo(31); // original row 3
        assertThat(px(zeros, 6, 3, 2)).isZero();
        Mat refl = Resize.of(8, 8, ResizeMethod.PAD).apply(grid(4, 8), VALID);
        // torch 'reflect' (no edge repeat): rows r2, r1 | r0 r1 r2 r3 | r2, r1
        assertThat(new int[] {px(refl, 0, 0, 1), px(refl, 1, 0, 1), px(refl, 6, 0, 1),
            px(refl, 7, 0, 1)}).containsExactly(21, 11, 21, 11);
        Mat border = Resize.of(8, 8, ResizeMethod.PAD, PadMode.BORDER).apply(grid(4, 8), VALID);
        assertThat(new int[] {px(border, 0, 0, 1), px(border, 1, 0, 1), px(border, 6, 0, 1),
            px(border, 7, 0, 1)}).containsExactly(1, 1, 31, 31);
    }

    @Test
    void squishKeepsEverythingAndAveragesWhenShrinking() {
        // 4x8 -> 2x2: area averaging of 2-row x 4-column blocks
        Mat out = Resize.of(2, 2, ResizeMethod.SQUISH).apply(grid(4, 8), new ItemContext(3, true));
        assertThat(new int[] {out.rows(), out.cols()}).containsExactly(2, 2);
        assertThat(px(out, 0, 0, 0)).isEqualTo((1 + 11 + 21 + 31) / 4); // mean of the 4 columns = 16
        assertThat(px(out, 1, 1, 1)).isEqualTo((21 + 31) / 2);
    }

    @Test
    void cropDownscalesWhenTheImageIsLarger() {
        // 8x16 -> 4x4: m = H/h = 2, region 8x8 centred at left = int(0.5*(16-8)) = 4, then halved
        Mat out = Resize.of(4).apply(grid(8, 16), VALID);
        assertThat(new int[] {out.rows(), out.cols()}).containsExactly(4, 4);
        assertThat(px(out, 0, 0, 0)).isEqualTo((41 + 51) / 2);
    }

    @Test
    void randomResizedCropSizesAndValidationCentreCrop() {
        for (long seed = 0; seed < 20; seed++) {
            Mat out = RandomResizedCrop.of(6, 5).apply(grid(20, 30), new ItemContext(seed, true));
            assertThat(new int[] {out.rows(), out.cols()}).containsExactly(6, 5);
        }
        // validation, size 8 on 16x16: xtra = ceil(8*0.14/8)*8 = 8, resized to 16x16 (no-op),
        // then centre crop at (16-8)//2 = 4: rows and columns 4..11
        Mat v = RandomResizedCrop.of(8).apply(grid(16, 16), VALID);
        assertThat(new int[] {v.rows(), v.cols()}).containsExactly(8, 8);
        assertThat(px(v, 0, 0, 0)).isEqualTo(41);
        assertThat(px(v, 0, 0, 1)).isEqualTo(41);
        assertThat(px(v, 7, 7, 0)).isEqualTo(111);
    }
}
