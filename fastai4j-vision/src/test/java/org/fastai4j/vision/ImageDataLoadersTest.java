package org.fastai4j.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.ItemLoadException;
import org.fastai4j.plot.Figure;
import org.fastai4j.vision.image.ImageDecodeException;
import org.fastai4j.vision.transform.Normalize;
import org.fastai4j.vision.transform.RandomResizedCrop;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDataLoadersTest {
    @TempDir
    Path dir;

    /** A w×h PNG of one colour (red = {@code v}, green = 255 − v). */
    static Path png(Path file, int w, int h, int v) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(v, 255 - v, 40));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    void folder(int perClassTrain, int perClassValid) throws Exception {
        String[] classes = {"cat", "dog", "ant"};
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < perClassTrain; i++) {
                png(dir.resolve("train/" + classes[c] + "/" + i + ".png"), 12 + i, 10, 60 * c);
            }
            for (int i = 0; i < perClassValid; i++) {
                png(dir.resolve("valid/" + classes[c] + "/" + i + ".png"), 10, 14, 60 * c);
            }
        }
    }

    static List<Batch> all(DataLoader dl, NDManager m, int epoch) {
        List<Batch> out = new ArrayList<>();
        try (DataLoader.CloseableIterator<Batch> it = dl.iterator(m, epoch)) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void fromFolderEndToEnd() throws Exception {
        folder(4, 2);
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(8))
                .optBs(4).optWorkers(2).optDevice(Device.cpu()).build();
        assertThat(dls.vocab().orElseThrow().items()).containsExactly("ant", "cat", "dog");
        assertThat(dls.train().itemCount()).isEqualTo(12);
        assertThat(dls.valid().itemCount()).isEqualTo(6);
        assertThat(dls.train().size()).isEqualTo(3);
        assertThat(dls.valid().size()).isEqualTo(2);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            List<Batch> train = all(dls.train(), m, 0);
            assertThat(train).hasSize(3);
            for (Batch b : train) {
                NDArray x = b.xs().singletonOrThrow();
                assertThat(x.getShape()).isEqualTo(new Shape(4, 3, 8, 8));
                assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
                assertThat(b.ys().singletonOrThrow().getDataType()).isEqualTo(DataType.INT64);
                // red channel of a class-c image is 60c/255: ant=2 → 120, cat=0 → 0, dog=1 → 60
                float[] v = x.toFloatArray();
                long[] y = b.ys().singletonOrThrow().toLongArray();
                int[] red = {120, 0, 60};
                for (int i = 0; i < 4; i++) {
                    assertThat(v[i * 192]).isCloseTo(red[(int) y[i]] / 255f,
                            org.assertj.core.data.Offset.offset(1e-6f));
                }
                b.close();
            }
            Set<Integer> validSeen = new HashSet<>();
            for (Batch b : all(dls.valid(), m, 0)) {
                for (int i : b.indices()) {
                    assertThat(validSeen.add(i)).isTrue();
                }
                b.close();
            }
            assertThat(validSeen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        }
    }

    @Test
    void fromFolderWithValidPctIsReproducible() throws Exception {
        folder(5, 0);
        DataLoaders a = ImageDataLoaders.fromFolder(dir.resolve("train")).optValidPct(0.2)
                .optSeed(3).optItemTfms(Resize.of(6)).optBs(2).optDevice(Device.cpu()).build();
        DataLoaders b = ImageDataLoaders.fromFolder(dir.resolve("train")).optValidPct(0.2)
                .optSeed(3).optItemTfms(Resize.of(6)).optBs(2).optDevice(Device.cpu()).build();
        // fastai: cut = int(0.2 * 15) = 3
        assertThat(a.valid().itemCount()).isEqualTo(3);
        assertThat(a.train().itemCount()).isEqualTo(12);
        for (int i = 0; i < 3; i++) {
            assertThat(a.valid().describeItem(i)).isEqualTo(b.valid().describeItem(i));
        }
    }

    @Test
    void emptyClassFolderAndMissingValidFolderAreErrors() throws Exception {
        folder(2, 1);
        Files.createDirectories(dir.resolve("train/empty_class"));
        assertThatThrownBy(() -> ImageDataLoaders.fromFolder(dir).optBs(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty_class");
        assertThatThrownBy(() -> ImageDataLoaders.fromFolder(dir).optValid("validation").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'validation'");
    }

    @Test
    void labelOnlyInValidationIsAnError() throws Exception {
        folder(2, 1);
        png(dir.resolve("valid/zebra/0.png"), 5, 5, 1);
        assertThatThrownBy(() -> ImageDataLoaders.fromFolder(dir).optBs(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zebra");
    }

    @Test
    void badFilesFailNamingThemOrAreSkipped() throws Exception {
        folder(3, 1);
        Files.writeString(dir.resolve("train/cat/broken.png"), "not a png");
        assertThat(ImageDataLoaders.verifyImages(dir)).hasSize(1).first().asString()
                .contains("broken.png");
        ImageDataLoaders skipping = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(4))
                .optBs(2).optSkipBad(true).optDevice(Device.cpu()).build();
        assertThat(skipping.train().itemCount()).isEqualTo(9);
        ImageDataLoaders strict = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(4))
                .optBs(10).optDevice(Device.cpu()).build();
        assertThatThrownBy(() -> {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                all(strict.train(), m, 0).forEach(Batch::close);
            }
        }).isInstanceOf(ItemLoadException.class).hasMessageContaining("broken.png")
                .hasCauseInstanceOf(ImageDecodeException.class);
    }

    @Test
    void fromCsvMultiLabelWithValidColumn() throws Exception {
        for (int i = 0; i < 4; i++) {
            png(dir.resolve("images/" + i + ".png"), 6, 6, 50 * i);
        }
        Files.writeString(dir.resolve("labels.csv"), "name,tags,is_valid\n0,a b,False\n"
                + "1,b,False\n2,c,False\n3,a c,True\n");
        ImageDataLoaders dls = ImageDataLoaders.fromCsv(dir).optFolder("images")
                .optSuffix(".png").optLabelDelim(" ").optValidCol("is_valid").optBs(3)
                .optDevice(Device.cpu()).build();
        assertThat(dls.vocab().orElseThrow().items()).containsExactly("a", "b", "c");
        assertThat(dls.valid().itemCount()).isEqualTo(1);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                Batch b = dls.valid().itemsAt(new int[] {0}, m)) {
            assertThat(b.ys().singletonOrThrow().toFloatArray()).containsExactly(1f, 0f, 1f);
        }
    }

    @Test
    void fromNameReAndFromLists() throws Exception {
        List<Path> names = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String breed = i % 2 == 0 ? "great_pyrenees" : "pug";
            png(dir.resolve(breed + "_" + i + ".png"), 5, 5, 10 * i);
            names.add(Path.of(breed + "_" + i + ".png"));
        }
        ImageDataLoaders re = ImageDataLoaders.fromNameRe(dir, names, "^(.+)_\\d+\\.png$")
                .optValidPct(0.34).optBs(2).optDevice(Device.cpu()).build();
        assertThat(re.vocab().orElseThrow().items()).containsExactly("great_pyrenees", "pug");
        assertThat(re.valid().itemCount()).isEqualTo(2); // int(0.34 * 6) = 2
        List<String> labels = names.stream().map(p -> p.toString().startsWith("pug") ? "p" : "g")
                .toList();
        ImageDataLoaders lists = ImageDataLoaders.fromLists(dir, names, labels).optBs(2)
                .optDevice(Device.cpu()).build();
        assertThat(lists.vocab().orElseThrow().items()).containsExactly("g", "p");
        ImageDataLoaders func = ImageDataLoaders.fromNameFunc(dir, names,
                n -> n.substring(0, 3)).optBs(2).optDevice(Device.cpu()).build();
        assertThat(func.vocab().orElseThrow().items()).containsExactly("gre", "pug");
    }

    static byte[] epochBytes(DataLoader dl, int epoch) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (Batch b : all(dl, m, epoch)) {
                float[] v = b.xs().singletonOrThrow().toFloatArray();
                for (float f : v) {
                    out.write(Math.round(f * 255));
                }
                for (int i : b.indices()) {
                    out.write(i);
                }
                b.close();
            }
        }
        return out.toByteArray();
    }

    @Test
    void randomItemTransformsDoNotDependOnThreads() throws Exception {
        // images with a horizontal gradient, so the random crop position shows in the pixels
        for (int i = 0; i < 10; i++) {
            Path f = dir.resolve("train/" + (i % 2 == 0 ? "a" : "b") + "/" + i + ".png");
            Files.createDirectories(f.getParent());
            BufferedImage img = new BufferedImage(20, 12, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 20; x++) {
                for (int y = 0; y < 12; y++) {
                    img.setRGB(x, y, (x * 12) << 16 | (y * 20) << 8 | i * 20);
                }
            }
            ImageIO.write(img, "png", f.toFile());
        }
        png(dir.resolve("valid/a/0.png"), 20, 12, 5);
        FolderLoadersBuilder single = ImageDataLoaders.fromFolder(dir)
                .optItemTfms(RandomResizedCrop.of(6)).optBs(3).optWorkers(0)
                .optDevice(Device.cpu());
        ImageDataLoaders one = single.build();
        ImageDataLoaders three = ImageDataLoaders.fromFolder(dir)
                .optItemTfms(RandomResizedCrop.of(6)).optBs(3).optWorkers(3)
                .optDevice(Device.cpu()).build();
        for (int epoch = 0; epoch < 2; epoch++) {
            assertThat(epochBytes(three.train(), epoch)).isEqualTo(epochBytes(one.train(), epoch));
        }
        assertThat(epochBytes(one.train(), 0)).isNotEqualTo(epochBytes(one.train(), 1));
        // fromFolder is its public DataBlock: rebuilt from the parts, the same batches
        DataLoaders rebuilt = single.dataBlock().dataloaders(dir, org.fastai4j.data.LoaderOptions
                .defaults().withBs(3).withWorkers(0).withDevice(Device.cpu()));
        assertThat(epochBytes(rebuilt.train(), 0)).isEqualTo(epochBytes(one.train(), 0));
    }

    @Test
    void imagesOfDifferentSizesWithoutResizeAreAClearError() throws Exception {
        folder(2, 1);
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(dir).optBs(6).optDevice(Device.cpu())
                .build();
        assertThatThrownBy(() -> {
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                all(dls.train(), m, 0).forEach(Batch::close);
            }
        }).isInstanceOf(IllegalStateException.class).hasMessageContaining("Resize");
    }

    @Test
    void djlTransformAsItemTransform() throws Exception {
        folder(2, 1);
        // DJL's Resize(width 5, height 3) on the H×W×3 image, then our CHW batch
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(dir)
                .optDjlItemTfms(new ai.djl.modality.cv.transform.Resize(5, 3)).optBs(2)
                .optDevice(Device.cpu()).build();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                Batch b = dls.valid().itemsAt(new int[] {0, 1}, m)) {
            NDArray x = b.xs().singletonOrThrow();
            assertThat(x.getShape()).isEqualTo(new Shape(2, 3, 3, 5));
            assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
        }
    }

    @Test
    void showBatchRendersAGridOfDenormalisedImages() throws Exception {
        folder(4, 1);
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(8))
                .optBatchTfms(Normalize.fromStats(Normalize.IMAGENET_STATS)).optBs(4)
                .optDevice(Device.cpu()).build();
        Figure fig = dls.showBatch(4, 2, 2);
        BufferedImage img = fig.toImage();
        // tiles of 8×8 images are enlarged (nearest) to the grid's minimum tile size; the centre
        // of the first tile shows its image de-normalised: red is 0, 60 or 120, green 255 - red
        org.fastai4j.plot.ImageGrid.Builder probe = org.fastai4j.plot.ImageGrid.builder()
                .optNrows(2).optNcols(2);
        for (int i = 0; i < 4; i++) {
            probe.addImage(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "cat");
        }
        java.awt.Rectangle r = probe.buildGrid().imageBounds(0);
        assertThat(img.getWidth()).isEqualTo(probe.buildGrid().figure().toImage().getWidth());
        int rgb = img.getRGB(r.x + r.width / 2, r.y + r.height / 2);
        int red = (rgb >> 16) & 0xff;
        int green = (rgb >> 8) & 0xff;
        assertThat(red).isIn(0, 60, 120);
        assertThat(green).isEqualTo(255 - red);
        Path saved = fig.save(dir.resolve("batch.png"));
        assertThat(ImageIO.read(saved.toFile()).getWidth()).isEqualTo(img.getWidth());
    }
}
