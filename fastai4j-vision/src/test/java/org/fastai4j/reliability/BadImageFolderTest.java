package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fastai4j.data.HostTensor;
import org.fastai4j.data.ItemContext;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.image.ImageBlock;
import org.fastai4j.vision.image.ImageDecoder;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 6, as one folder: {@code train/mixed} holds every kind of good image (the PIL-made
 * fixtures of src/test/resources/images: RGB PNG and JPEG, grayscale, 16-bit grayscale PNG, palette
 * PNG and GIF, RGBA, CMYK JPEG, EXIF-rotated JPEG) and the bad ones (a truncated JPEG, a zero-byte
 * file, a text file named {@code .jpg}, decompression bombs: a valid PNG header declaring
 * 50000×50000 and a JPEG frame header declaring 20000×20000, each under 1 kB on disk).
 * {@code verifyImages} names exactly the bad files; every good file loads through the
 * {@link ImageBlock} (the path the loaders use) as RGB uint8 3×H×W with EXIF orientation applied;
 * the bombs are refused by the pixel limit before decoding, not by running out of memory; the
 * loaders built with {@code skipBad} keep exactly the good files.
 */
class BadImageFolderTest {
    @TempDir
    Path dir;

    /** Good fixtures and their displayed size {height, width} (the PIL .rgb headers agree). */
    static final Map<String, int[]> GOOD = Map.of("rgb.png", new int[] {6, 8}, "rgb.jpg", new int[] {6, 8},
            "gray.png", new int[] {6, 8}, "gray16.png", new int[] {6, 8}, "palette.png", new int[] {6, 8},
            "palette.gif", new int[] {6, 8}, "rgba.png", new int[] {6, 8}, "cmyk.jpg", new int[] {6, 8},
            "exif6.jpg", new int[] {8, 6});

    static final List<String> BAD = List.of("truncated.jpg", "empty.jpg", "notes.jpg", "bomb.png", "bomb.jpg");

    Path folder() throws Exception {
        Path mixed = dir.resolve("train/mixed");
        for (String name : GOOD.keySet()) {
            ImageFixtures.copy(name, mixed.resolve(name));
        }
        byte[] jpg = ImageFixtures.resource("rgb.jpg");
        Files.write(mixed.resolve("truncated.jpg"), Arrays.copyOf(jpg, jpg.length - 40));
        Files.write(mixed.resolve("empty.jpg"), new byte[0]);
        Files.writeString(mixed.resolve("notes.jpg"), "shopping list: milk, eggs\n", StandardCharsets.UTF_8);
        Files.write(mixed.resolve("bomb.png"), ImageFixtures.pngBomb(50_000, 50_000));
        Files.write(mixed.resolve("bomb.jpg"), ImageFixtures.jpegBomb(20_000, 20_000));
        ImageFixtures.copy("rgb.png", dir.resolve("valid/mixed/v.png"));
        return mixed;
    }

    @Test
    void verifyImagesNamesExactlyTheBadFilesAndTheBombsHitThePixelLimit() throws Exception {
        Path mixed = folder();
        assertThat(Files.size(mixed.resolve("bomb.png"))).isLessThan(1024);
        assertThat(Files.size(mixed.resolve("bomb.jpg"))).isLessThan(1024);
        long rssBefore = ImageFixtures.rssKb();
        List<String> problems = ImageDataLoaders.verifyImages(dir);
        long rssAfter = ImageFixtures.rssKb();
        problems.forEach(p -> System.out.println("verifyImages: " + p));
        assertThat(problems).hasSize(BAD.size());
        for (String bad : BAD) {
            String path = mixed.resolve(bad).toString();
            assertThat(problems).as(bad).filteredOn(p -> p.contains(path)).hasSize(1);
        }
        for (String good : GOOD.keySet()) {
            assertThat(problems).as(good).noneMatch(p -> p.contains(mixed.resolve(good).toString()));
        }
        String limit = Long.toString(ImageDecoder.DEFAULT_MAX_PIXELS);
        assertThat(problems).filteredOn(p -> p.contains("bomb.png")).singleElement().asString()
                .contains("50000x50000").contains("over the limit of " + limit);
        assertThat(problems).filteredOn(p -> p.contains("bomb.jpg")).singleElement().asString()
                .contains("20000x20000").contains("over the limit of " + limit);
        assertThat(problems).filteredOn(p -> p.contains("truncated.jpg")).singleElement().asString()
                .contains("truncated JPEG");
        assertThat(problems).filteredOn(p -> p.contains("empty.jpg")).singleElement().asString()
                .contains("0 bytes");
        if (rssBefore > 0) {
            // decoding the 20000x20000 JPEG alone would take 1.2 GB of native memory
            assertThat(rssAfter - rssBefore).as("VmRSS growth (kB) while verifying").isLessThan(200_000);
        }
    }

    @Test
    void goodImagesLoadAsRgbChwWithOrientationApplied() throws Exception {
        Path mixed = folder();
        ImageBlock block = ImageBlock.create();
        for (Map.Entry<String, int[]> e : GOOD.entrySet()) {
            HostTensor t = block.load(mixed.resolve(e.getKey()), List.of(), new ItemContext(0, false));
            assertThat(t.dataType()).as(e.getKey()).isEqualTo(DataType.UINT8);
            assertThat(t.shape()).as(e.getKey()).isEqualTo(new Shape(3, e.getValue()[0], e.getValue()[1]));
        }
        // exif6.jpg is stored 8 wide x 6 tall: red (200,30,40) top-left block, blue (30,60,220)
        // bottom-left, with EXIF orientation 6 (rotate 90 degrees clockwise to display). Displayed
        // (r, c) = stored (5 - c, r): displayed top-left is stored bottom-left (blue), displayed
        // top-right (0, 5) is stored top-left (red). Unrotated, (0, 0) would be red.
        HostTensor t = block.load(mixed.resolve("exif6.jpg"), List.of(), new ItemContext(0, false));
        assertThat(pixel(t, 0, 0)).as("displayed top-left").satisfies(p -> near(p, 30, 60, 220, 16));
        assertThat(pixel(t, 0, 5)).as("displayed top-right").satisfies(p -> near(p, 200, 30, 40, 16));
    }

    @Test
    void skipBadLoadersKeepExactlyTheGoodImages() throws Exception {
        folder();
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(4)).optBs(3)
                .optSkipBad(true).optDevice(Device.cpu()).build();
        assertThat(dls.train().itemCount()).isEqualTo(GOOD.size());
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < dls.train().itemCount(); i++) {
            kept.add(Path.of(dls.train().describeItem(i)).getFileName().toString());
        }
        assertThat(kept).containsExactlyInAnyOrderElementsOf(GOOD.keySet());
    }

    static int[] pixel(HostTensor chw, int r, int c) {
        int h = (int) chw.shape().get(1);
        int w = (int) chw.shape().get(2);
        int[] rgb = new int[3];
        for (int ch = 0; ch < 3; ch++) {
            rgb[ch] = chw.data().get(ch * h * w + r * w + c) & 0xff;
        }
        return rgb;
    }

    static void near(int[] p, int r, int g, int b, int tol) {
        assertThat(Math.abs(p[0] - r)).as("red of " + Arrays.toString(p)).isLessThanOrEqualTo(tol);
        assertThat(Math.abs(p[1] - g)).as("green of " + Arrays.toString(p)).isLessThanOrEqualTo(tol);
        assertThat(Math.abs(p[2] - b)).as("blue of " + Arrays.toString(p)).isLessThanOrEqualTo(tol);
    }
}
