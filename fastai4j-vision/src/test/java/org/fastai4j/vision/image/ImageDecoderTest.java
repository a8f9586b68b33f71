package org.fastai4j.vision.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Fixtures and their expected RGB pixels come from PIL (src/test/resources/images/make_fixtures.py):
 * expected = ImageOps.exif_transpose(img).convert('RGB'), 16-bit PNG: the high byte.
 */
class ImageDecoderTest {
    @TempDir
    Path dir;

    static byte[] resource(String name) throws Exception {
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream("/images/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, resource(name));
        return p;
    }

    @ParameterizedTest
    @CsvSource({"rgb.png,0", "gray.png,0", "palette.png,0", "rgba.png,0", "gray16.png,0",
        "palette.gif,0", "rgb.jpg,6", "cmyk.jpg,12", "exif6.jpg,8"})
    void everyKindDecodesToRgbLikePil(String name, int tolerance) throws Exception {
        byte[] expected = resource(name + ".rgb");
        int h = ((expected[0] & 0xff) << 8) | (expected[1] & 0xff);
        int w = ((expected[2] & 0xff) << 8) | (expected[3] & 0xff);
        Mat m = ImageDecoder.standard().decode(copy(name));
        try {
            assertThat(m.type()).isEqualTo(CvType.CV_8UC3);
            assertThat(new int[] {m.rows(), m.cols()}).as(name).containsExactly(h, w);
            byte[] got = Images.hwcBytes(m);
            int maxDiff = 0;
            for (int i = 0; i < got.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs((got[i] & 0xff) - (expected[4 + i] & 0xff)));
            }
            assertThat(maxDiff).as(name + " max |OpenCV - PIL|").isLessThanOrEqualTo(tolerance);
        } finally {
            m.release();
        }
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        Mat m = ImageDecoder.standard().decode(copy("exif6.jpg"));
        // stored 8 wide x 6 tall with orientation 6: shown 6 wide x 8 tall
        assertThat(new int[] {m.rows(), m.cols()}).containsExactly(8, 6);
        m.release();
    }

    @Test
    void reducedScaleDecodingKeepsOrientationAndLooksLikeAnAreaDownscale() throws Exception {
        // stored 64x48 with orientation 6; shown 48 wide x 64 tall. minSide 10: 48/4 = 12 >= 10,
        // 48/8 = 6 < 10, so the JPEG is decoded at 1/4: 12 wide x 16 tall
        Mat m = ImageDecoder.standard().decode(copy("exif6_big.jpg"), 10);
        assertThat(new int[] {m.rows(), m.cols()}).containsExactly(16, 12);
        byte[] full = resource("exif6_big.jpg.rgb");
        int w = 48;
        byte[] got = Images.hwcBytes(m);
        int maxDiff = 0;
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 12; c++) {
                for (int ch = 0; ch < 3; ch++) {
                    int sum = 0;
                    for (int dy = 0; dy < 4; dy++) {
                        for (int dx = 0; dx < 4; dx++) {
                            sum += full[4 + ((r * 4 + dy) * w + c * 4 + dx) * 3 + ch] & 0xff;
                        }
                    }
                    int diff = Math.abs(sum / 16 - (got[(r * 12 + c) * 3 + ch] & 0xff));
                    maxDiff = Math.max(maxDiff, diff);
                }
            }
        }
        assertThat(maxDiff).as("max |reduced - 4x4 mean of PIL full decode|").isLessThanOrEqualTo(8);
        m.release();
        assertThat(ImageDecoder.standard().decode(copy("exif6_big.jpg"), 20).rows()).isEqualTo(32); // 48/2 = 24 >= 20
        assertThat(ImageDecoder.standard().decode(copy("exif6_big.jpg"), 100).rows()).isEqualTo(64);
    }

    @Test
    void truncatedJpegAndPngAreErrorsNamingTheFile() throws Exception {
        byte[] jpg = resource("rgb.jpg");
        Path tj = dir.resolve("cut.jpg");
        Files.write(tj, Arrays.copyOf(jpg, jpg.length - 40));
        assertThatThrownBy(() -> ImageDecoder.standard().decode(tj))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("cut.jpg").hasMessageContaining("truncated JPEG");
        byte[] png = resource("rgb.png");
        Path tp = dir.resolve("cut.png");
        Files.write(tp, Arrays.copyOf(png, png.length - 12));
        assertThatThrownBy(() -> ImageDecoder.standard().decode(tp))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("cut.png").hasMessageContaining("truncated PNG");
    }

    @Test
    void emptyAndTextFilesAreErrorsNamingTheFile() throws Exception {
        Path empty = dir.resolve("empty.jpg");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> ImageDecoder.standard().decode(empty))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("empty.jpg").hasMessageContaining("0 bytes");
        Path text = dir.resolve("notes.jpg");
        Files.writeString(text, "this is not an image", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImageDecoder.standard().decode(text))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("notes.jpg").hasMessageContaining("not a decodable image");
        assertThat(ImageDecoder.standard().check(text)).get().asString().contains("notes.jpg");
        assertThat(ImageDecoder.standard().check(copy("rgb.png"))).isEmpty();
    }

    @Test
    void declaredPixelCountOverTheLimitIsRefusedBeforeDecoding() throws Exception {
        // a PNG header declaring 20000 x 20000 (400M pixels > 178,956,970), then an IEND chunk
        byte[] png = resource("rgb.png").clone();
        writeBe32(png, 16, 20000);
        writeBe32(png, 20, 20000);
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, png);
        assertThatThrownBy(() -> ImageDecoder.standard().decode(bomb))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessageContaining("bomb.png").hasMessageContaining("20000x20000");
        // the limit is configurable: 8x6 = 48 pixels > 40
        assertThatThrownBy(() -> new ImageDecoder(40).decode(copy("rgb.jpg")))
                .isInstanceOf(ImageDecodeException.class).hasMessageContaining("over the limit");
    }

    private static void writeBe32(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 24);
        b[o + 1] = (byte) (v >>> 16);
        b[o + 2] = (byte) (v >>> 8);
        b[o + 3] = (byte) v;
    }
}
