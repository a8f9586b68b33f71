package org.fastai4j.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.Transform;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoadersTest {

    /** Training-only augmentation by DJL's naming rule: inverts the pixels. */
    static final class RandomInvert implements Transform {
        @Override
        public NDArray transform(NDArray array) {
            return array.getManager().create(255f).sub(array.toType(DataType.FLOAT32, false))
                    .toType(DataType.UINT8, false);
        }
    }

    /** Class "a" images are gray 10, class "b" gray 200, 6×8 pixels. */
    static RandomAccessDataset[] imageFolder(Path dir) throws Exception {
        for (String cls : new String[] {"a", "b"}) {
            Files.createDirectories(dir.resolve(cls));
            for (int i = 0; i < 6; i++) {
                BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                int v = cls.equals("a") ? 10 : 200;
                g.setColor(new Color(v, v, v));
                g.fillRect(0, 0, 8, 6);
                g.dispose();
                ImageIO.write(img, "png", dir.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        ImageFolder folder = ImageFolder.builder().setRepositoryPath(dir).setSampling(1, false)
                .addTransform(new Resize(4, 4)).addTransform(new RandomInvert()).build();
        folder.prepare();
        return folder.randomSplit(3, 1);
    }

    static void eachBatch(DataLoader dl, Consumer<Batch> check) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader.CloseableIterator<Batch> it = dl.iterator(m, 0)) {
            while (it.hasNext()) {
                try (Batch b = it.next()) {
                    check.accept(b);
                }
            }
        }
    }

    @Test
    void imageFolderSplitKeepsAugmentationOffTheValidationSet(@TempDir Path dir) throws Exception {
        RandomAccessDataset[] parts = imageFolder(dir);
        DataLoaders dls = DatasetLoaders.builder(parts[0], parts[1]).optBs(3).optWorkers(2)
                .optDevice(Device.cpu()).build();
        assertThat(dls.vocab().orElseThrow().items()).containsExactly("a", "b");
        assertThat(dls.train().itemCount()).isEqualTo(9);
        assertThat(dls.valid().itemCount()).isEqualTo(3);
        // items are named by their file, through DJL's randomSplit wrapper
        assertThat(dls.valid().describeItem(0)).startsWith(dir.toString()).endsWith(".png");
        int[] seen = new int[1];
        eachBatch(dls.valid(), b -> {
            NDArray x = b.xs().singletonOrThrow();
            assertThat(x.getShape()).isEqualTo(new Shape(b.size(), 3, 4, 4));
            assertThat(x.getDataType()).isEqualTo(DataType.FLOAT32);
            float[] v = x.toFloatArray();
            long[] y = b.ys().singletonOrThrow().toLongArray();
            for (int i = 0; i < y.length; i++) {
                // validation: not inverted; class a = 10/255, b = 200/255
                assertThat(v[i * 48]).isCloseTo(y[i] == 0 ? 10 / 255f : 200 / 255f,
                        org.assertj.core.data.Offset.offset(1e-6f));
                seen[0]++;
            }
        });
        assertThat(seen[0]).isEqualTo(3);
        eachBatch(dls.train(), b -> {
            float[] v = b.xs().singletonOrThrow().toFloatArray();
            long[] y = b.ys().singletonOrThrow().toLongArray();
            for (int i = 0; i < y.length; i++) {
                // training: the RandomInvert of the shared pipeline ran: 255 - value
                assertThat(v[i * 48]).isCloseTo(y[i] == 0 ? 245 / 255f : 55 / 255f,
                        org.assertj.core.data.Offset.offset(1e-6f));
            }
        });
    }

    /** Six points [i, 2i] labelled by parity, labels stored as floats (as DJL's MNIST does). */
    static final class Points extends RandomAccessDataset implements VocabSource {
        static final class B extends RandomAccessDataset.BaseBuilder<B> {
            @Override
            protected B self() {
                return this;
            }
        }

        Points() {
            super(new B().setSampling(1, false));
        }

        @Override
        public ai.djl.training.dataset.Record get(NDManager manager, long index) {
            return new ai.djl.training.dataset.Record(
                    new ai.djl.ndarray.NDList(manager.create(new float[] {index, 2 * index})),
                    new ai.djl.ndarray.NDList(manager.create((float) (index % 2))));
        }

        @Override
        protected long availableSize() {
            return 6;
        }

        @Override
        public void prepare(ai.djl.util.Progress progress) {}

        @Override
        public java.util.List<String> classNames() {
            return java.util.List.of("even", "odd");
        }
    }

    @Test
    void customDatasetWithFloatClassLabelsAndVocabSource() {
        DataLoaders dls = DataLoaders.fromDatasets(new Points(), new Points(), 4);
        assertThat(dls.vocab().orElseThrow().items()).containsExactly("even", "odd");
        eachBatch(dls.valid(), b -> {
            NDArray y = b.ys().singletonOrThrow();
            assertThat(y.getDataType()).isEqualTo(DataType.INT64);
            assertThat(y.getShape()).isEqualTo(new Shape(b.size()));
            float[] x = b.xs().singletonOrThrow().toFloatArray();
            long[] labels = y.toLongArray();
            for (int i = 0; i < labels.length; i++) {
                assertThat(labels[i]).isEqualTo(((long) x[2 * i]) % 2);
            }
        });
    }

    @Test
    void djlTransformsAsItemAndBatchTransforms(@TempDir Path dir) throws Exception {
        RandomAccessDataset[] parts = imageFolder(dir);
        DataLoaders dls = DatasetLoaders.builder(parts[0], parts[1]).optBs(3).optWorkers(0)
                .optDevice(Device.cpu()).optUseDatasetPipeline(false)
                .addItemTfms(new Resize(2, 3), new ToTensor())
                .addBatchTfms(DjlTransforms.batch(a -> a.mul(2), 20),
                        DjlTransforms.perImage(a -> a.flip(2).add(1), 30))
                .build();
        eachBatch(dls.valid(), b -> {
            NDArray x = b.xs().singletonOrThrow();
            // DJL Resize(width 2, height 3) then ToTensor: C×H×W float
            assertThat(x.getShape()).isEqualTo(new Shape(b.size(), 3, 3, 2));
            long[] y = b.ys().singletonOrThrow().toLongArray();
            float[] v = x.toFloatArray();
            for (int i = 0; i < y.length; i++) {
                float base = y[i] == 0 ? 10 / 255f : 200 / 255f;
                // DJL's resize may round a gray level by one: tolerance 2 × 1/255
                assertThat(v[i * 18]).isCloseTo(base * 2 + 1, org.assertj.core.data.Offset
                        .offset(2.01f / 255));
            }
        });
    }
}
