package org.fastai4j.vision.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fastai4j.core.Seeds;
import org.fastai4j.data.HostTensor;
import org.fastai4j.data.ItemContext;
import org.fastai4j.vision.transform.RandomResizedCrop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * {@link ImageBlock} with {@code RandomResizedCrop} first decodes JPEGs at the reduction the
 * drawn region allows ({@link ReducedDecode}), and the result looks like the crop of the
 * full-size decode: on a smooth 1600x1200 photo-like JPEG the mean absolute difference per
 * channel value stays under 1.5 of 255 (DCT scaling against area averaging, crop edges rounded to
 * whole reduced pixels), where two different crops differ by tens.
 */
class ReducedDecodeTest {
    private static Path photo(Path dir) throws Exception {
        OpenCv.load();
        int w = 1600;
        int h = 1200;
        byte[] px = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                px[o] = (byte) (128 + 100 * Math.sin(x / 150.0));
                px[o + 1] = (byte) (128 + 100 * Math.cos(y / 120.0));
                px[o + 2] = (byte) ((x + 2 * y) / 16 % 256);
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, px);
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".jpg", m, buf, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
        Path file = dir.resolve("photo.jpg");
        Files.write(file, buf.toArray());
        m.release();
        buf.release();
        return file;
    }

    private static double meanAbsDiff(HostTensor a, HostTensor b) {
        assertThat(a.shape()).isEqualTo(b.shape());
        byte[] x = new byte[a.byteSize()];
        byte[] y = new byte[b.byteSize()];
        a.data().duplicate().get(x);
        b.data().duplicate().get(y);
        long sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        }
        return (double) sum / x.length;
    }

    /** The transform on the full-size decode, with the context the block gives transform 0. */
    private static HostTensor fullSize(Path file, RandomResizedCrop rrc, ItemContext c0)
            throws Exception {
        Mat full = ImageDecoder.standard().decode(file);
        Mat out = rrc.apply(full, c0);
        HostTensor t = Images.toChw(out);
        full.release();
        out.release();
        return t;
    }

    @Test
    void trainingCropsDecodedSmallerLookLikeTheFullSizeOnes(@TempDir Path dir) throws Exception {
        Path file = photo(dir);
        RandomResizedCrop rrc = RandomResizedCrop.of(224);
        ImageBlock block = ImageBlock.create();
        int reduced = 0;
        HostTensor previous = null;
        for (long seed = 0; seed < 12; seed++) {
            ItemContext c0 = new ItemContext(Seeds.derive(seed, 0), true);
            int f = rrc.decodeReduction(1600, 1200, c0);
            reduced += f > 1 ? 1 : 0;
            HostTensor got = block.load(file, List.of(rrc), new ItemContext(seed, true));
            double diff = meanAbsDiff(got, fullSize(file, rrc, c0));
            assertThat(diff).as("seed %d, 1/%d", seed, f).isLessThan(1.5);
            // decoded smaller, it cannot be the very same pixels (0.1-0.5 measured); at full size it is
            assertThat(diff > 0).as("seed %d, 1/%d", seed, f).isEqualTo(f > 1);
            if (previous != null) {
                assertThat(meanAbsDiff(got, previous)).isGreaterThan(10);
            }
            previous = got;
        }
        assertThat(reduced).isGreaterThanOrEqualTo(4);
    }

    @Test
    void validationDecodesAtAQuarterAndLooksTheSame(@TempDir Path dir) throws Exception {
        Path file = photo(dir);
        RandomResizedCrop rrc = RandomResizedCrop.of(224);
        ItemContext c0 = new ItemContext(Seeds.derive(9, 0), false);
        // the whole image goes to 224 + xtra = 256 (xtra = ceil(224 * 0.14 / 8) * 8 = 32):
        // 1200 >= 4 * 256 but < 8 * 256
        assertThat(rrc.decodeReduction(1600, 1200, c0)).isEqualTo(4);
        HostTensor got = ImageBlock.create().load(file, List.of(rrc), new ItemContext(9, false));
        assertThat(meanAbsDiff(got, fullSize(file, rrc, c0))).isLessThan(1.5);
    }

    @Test
    void anExifRotatedJpegIsCroppedOnItsShownSize(@TempDir Path dir) throws Exception {
        // stored 64 wide x 48 tall with orientation 6, shown 48 x 64: crops are drawn on 48 x 64
        Path file = dir.resolve("exif6_big.jpg");
        try (InputStream in = ReducedDecodeTest.class.getResourceAsStream("/images/exif6_big.jpg")) {
            Files.copy(in, file);
        }
        RandomResizedCrop rrc = RandomResizedCrop.of(6);
        int reduced = 0;
        for (long seed = 0; seed < 8; seed++) {
            ItemContext c0 = new ItemContext(Seeds.derive(seed, 0), true);
            reduced += rrc.decodeReduction(48, 64, c0) > 1 ? 1 : 0;
            HostTensor got = ImageBlock.create().load(file, List.of(rrc), new ItemContext(seed, true));
            assertThat(meanAbsDiff(got, fullSize(file, rrc, c0))).as("seed %d", seed).isLessThan(6);
        }
        assertThat(reduced).isGreaterThanOrEqualTo(4);
    }
}
