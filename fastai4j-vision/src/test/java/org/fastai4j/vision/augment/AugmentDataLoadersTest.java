package org.fastai4j.vision.augment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * augTransforms inside ImageDataLoaders: runs after IntToFloat on the uint8 batch, changes
 * training batches reproducibly per epoch, and leaves validation batches as without it.
 */
class AugmentDataLoadersTest {
    @TempDir
    Path dir;

    private void image(Path file, int seed) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(seed);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                img.setRGB(x, y, (x * 15) << 16 | (y * 20) << 8 | r.nextInt(256));
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static float[] first(DataLoader dl, int epoch) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, epoch)) {
            Batch b = it.next();
            NDArray x = b.xs().get(0);
            assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
            return x.toFloatArray();
        }
    }

    @Test
    void augmentsTrainingBatchesOnlyAndReproducibly() throws Exception {
        for (String c : new String[] {"a", "b"}) {
            for (int i = 0; i < 4; i++) {
                image(dir.resolve("train/" + c + "/" + i + ".png"), i);
                image(dir.resolve("valid/" + c + "/" + i + ".png"), 10 + i);
            }
        }
        ImageDataLoaders plain = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(12))
                .optBs(4).optWorkers(1).optDevice(Device.cpu()).build();
        ImageDataLoaders aug = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(12))
                .optBatchTfms(Augment.builder().optMult(2).build())
                .optBs(4).optWorkers(1).optDevice(Device.cpu()).build();
        float[] p0 = first(plain.train(), 0);
        float[] a0 = first(aug.train(), 0);
        assertThat(TensorArchive.maxAbsDiff(p0, a0)).isGreaterThan(0.01f);
        assertThat(first(aug.train(), 0)).containsExactly(a0);
        assertThat(TensorArchive.maxAbsDiff(a0, first(aug.train(), 1))).isGreaterThan(0.01f);
        for (float v : a0) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(first(aug.valid(), 0)).containsExactly(first(plain.valid(), 0));
    }
}
