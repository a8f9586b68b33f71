package org.fastai4j.vision.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.fastai4j.data.HostTensor;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** {@link Images#toChw}: pixel (y, x) channel c of an RGB Mat lands at c·H·W + y·W + x. */
class ImagesTest {
    private static Mat randomRgb(int h, int w, long seed) {
        OpenCv.load();
        byte[] px = new byte[h * w * 3];
        new Random(seed).nextBytes(px);
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, px);
        return m;
    }

    private static void assertPlanar(Mat m, HostTensor t) {
        int h = m.rows();
        int w = m.cols();
        assertThat(t.shape().getShape()).containsExactly(3, h, w);
        byte[] hwc = Images.hwcBytes(m);
        byte[] chw = new byte[3 * h * w];
        t.data().duplicate().get(chw);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(chw[c * h * w + y * w + x]).isEqualTo(hwc[(y * w + x) * 3 + c]);
                }
            }
        }
    }

    @Test
    void toChwPutsEachChannelInItsPlane() {
        Mat m = randomRgb(7, 11, 1);
        assertPlanar(m, Images.toChw(m));
        m.release();
    }

    /**
     * toChw reuses one plane buffer per thread: images of changing sizes one after the other (larger,
     * smaller, over the 1 MiB kept, then small again) must each come out whole and unmixed.
     */
    @Test
    void toChwIsRightForImagesOfChangingSizesOnOneThread() {
        int[][] sizes = {{40, 50}, {7, 11}, {1100, 1000}, {28, 28}, {28, 28}, {3, 90}};
        for (int i = 0; i < sizes.length; i++) {
            Mat m = randomRgb(sizes[i][0], sizes[i][1], 10 + i);
            assertPlanar(m, Images.toChw(m));
            m.release();
        }
    }

    @Test
    void toChwReadsANonContinuousRegion() {
        Mat m = randomRgb(20, 30, 2);
        Mat region = m.submat(3, 12, 5, 22);
        assertThat(region.isContinuous()).isFalse();
        assertPlanar(region, Images.toChw(region));
        region.release();
        m.release();
    }

    @Test
    void toChwRefusesOtherTypes() {
        OpenCv.load();
        Mat gray = new Mat(4, 4, CvType.CV_8UC1);
        assertThatThrownBy(() -> Images.toChw(gray)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3-channel");
        gray.release();
    }

    /** A wrong layout is refused with the shape in the message, not read as garbage or an index error. */
    @Test
    void hwcToChwRefusesAnythingButHxWx3Uint8() {
        HostTensor chw = HostTensor.ofUint8(new byte[3 * 4 * 5], 3, 4, 5);
        assertThatThrownBy(() -> Images.hwcToChw(chw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HxWx3").hasMessageContaining("(3, 4, 5)");
        HostTensor floats = HostTensor.ofFloats(new float[4 * 5 * 3], 4, 5, 3);
        assertThatThrownBy(() -> Images.hwcToChw(floats)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("float32");
        HostTensor ok = HostTensor.ofUint8(new byte[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        byte[] out = new byte[6];
        Images.hwcToChw(ok).data().duplicate().get(out);
        assertThat(out).containsExactly(1, 4, 2, 5, 3, 6);
    }
}
