package org.fastai4j.benchmarks.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.fastai4j.io.PthReader;
import org.fastai4j.io.PthWriter;
import org.fastai4j.io.RawTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer benchmark's parts, in milliseconds (the benchmark itself is the end-to-end proof and
 * takes minutes): options, the IDX-to-folder writer, the torchvision buffers added to the state
 * dict, and the margins in the report.
 */
class TransferPartsTest {

    @TempDir
    Path dir;

    @Test
    void optionsParseOverDefaultsAndRefuseOverlapAndUnknownNames() {
        TransferOptions o = TransferOptions.parse("--epochs", "3", "--seeds", "1,2", "--size", "32");
        assertThat(o.epochs()).isEqualTo(3);
        assertThat(o.seeds()).containsExactly(1L, 2L);
        assertThat(o.size()).isEqualTo(32);
        assertThat(o.pretrainClasses()).isEqualTo(TransferOptions.DEFAULTS.pretrainClasses());
        assertThat(TransferOptions.DEFAULTS.pretrainClasses()).doesNotContainAnyElementsOf(
                TransferOptions.DEFAULTS.transferClasses());
        // both sets swapped in one call: validated together, not option by option
        TransferOptions swapped = TransferOptions.parse("--pretrain-classes", "Coat,Shirt", "--transfer-classes", "Bag,Sandal");
        assertThat(swapped.pretrainClasses()).containsExactly("Coat", "Shirt");
        assertThat(swapped.transferClasses()).containsExactly("Bag", "Sandal");
        assertThatThrownBy(() -> TransferOptions.parse("--transfer-classes", "Bag,Coat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Bag'");
        assertThatThrownBy(() -> TransferOptions.parse("--epoch", "3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--epochs");
        assertThatThrownBy(() -> TransferOptions.parse("--epochs", "three"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'three'");
        assertThatThrownBy(() -> TransferOptions.parse("--bs", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bs");
        assertThatThrownBy(() -> TransferOptions.parse("--seeds", "1,two"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seeds").hasMessageContaining("'1,two'");
    }

    @Test
    void writesTheChosenClassesInFileOrderUpToTheCap() throws IOException {
        // 5 images 28×28 labelled 1, 3, 1, 0, 1; pixel value = image index * 10
        int[] labels = {1, 3, 1, 0, 1};
        idx(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {5}, toBytes(labels));
        byte[] pixels = new byte[5 * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / (28 * 28) * 10);
        }
        idx(dir.resolve("train-images-idx3-ubyte.gz"), 0x803, new int[] {5, 28, 28}, pixels);
        Path out = dir.resolve("out");
        Map<String, Integer> n = FashionMnist.writeFolder(dir, "train", List.of("Trouser", "Dress"), 2, out);
        assertThat(n).containsEntry("Trouser", 2).containsEntry("Dress", 1);
        assertThat(out.resolve("Trouser/00000.png")).exists();
        assertThat(out.resolve("Trouser/00002.png")).exists();
        assertThat(out.resolve("Trouser/00004.png")).doesNotExist();
        assertThat(out.resolve("T-shirt_top")).doesNotExist();
        BufferedImage img = ImageIO.read(out.resolve("Dress/00001.png").toFile());
        assertThat(img.getWidth()).isEqualTo(28);
        assertThat(img.getRaster().getSample(5, 5, 0)).isEqualTo(10);
        assertThatThrownBy(() -> FashionMnist.writeFolder(dir, "train", List.of("Boot"), 2, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Ankle_boot");
        assertThatThrownBy(() -> FashionMnist.writeFolder(dir, "t10k", List.of("Bag"), 2, out))
                .isInstanceOf(IOException.class).hasMessageContaining("t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void batchCountersFollowEachBatchNormAndSurviveThePthRoundTrip() throws IOException {
        Map<String, RawTensor> sd = new LinkedHashMap<>();
        sd.put("conv1.weight", RawTensor.ofFloats(new float[] {1, 2}, 2, 1, 1, 1));
        sd.put("bn1.weight", RawTensor.ofFloats(new float[] {1, 1}, 2));
        sd.put("bn1.running_mean", RawTensor.ofFloats(new float[] {0, 0}, 2));
        sd.put("bn1.running_var", RawTensor.ofFloats(new float[] {1, 1}, 2));
        Map<String, RawTensor> out = TransferBenchmark.withBatchCounters(sd, 156);
        assertThat(out.keySet()).containsExactly("conv1.weight", "bn1.weight", "bn1.running_mean",
                "bn1.running_var", "bn1.num_batches_tracked");
        Path f = dir.resolve("w.pth");
        PthWriter.write(f, out);
        RawTensor n = PthReader.read(f).get("bn1.num_batches_tracked");
        assertThat(n.dataType()).isEqualTo(DataType.INT64);
        assertThat(n.shape()).isEmpty();
        assertThat(n.data().getLong(0)).isEqualTo(156L);
    }

    @Test
    void marginsArePretrainedMinusScratchPerSeedAndTheWorstIsTheMinimum() {
        TransferOptions o = TransferOptions.parse("--seeds", "1,2");
        List<TransferReport.Arm> arms = List.of(
                new TransferReport.Arm(TransferReport.PRETRAINED, 1, 0.80, 0.5, 1),
                new TransferReport.Arm(TransferReport.SCRATCH_FINE_TUNE, 1, 0.50, 1.2, 1),
                new TransferReport.Arm(TransferReport.SCRATCH_ONE_CYCLE, 1, 0.60, 1.0, 1),
                new TransferReport.Arm(TransferReport.PRETRAINED, 2, 0.75, 0.6, 1),
                new TransferReport.Arm(TransferReport.SCRATCH_FINE_TUNE, 2, 0.40, 1.3, 1),
                new TransferReport.Arm(TransferReport.SCRATCH_ONE_CYCLE, 2, 0.50, 1.0, 1));
        TransferReport r = new TransferReport(o, new TransferReport.Pretrain(0.9, 0.3, 1, "w.pth", 1, "ok"), arms,
                Map.of());
        assertThat(r.margins(TransferReport.SCRATCH_FINE_TUNE)).containsExactly(new double[] {0.30, 0.35},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.margins(TransferReport.SCRATCH_ONE_CYCLE)).containsExactly(new double[] {0.20, 0.25},
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.worstMargin(TransferReport.SCRATCH_FINE_TUNE)).isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.worstMargin(TransferReport.SCRATCH_ONE_CYCLE)).isCloseTo(0.20, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.meanAccuracy(TransferReport.PRETRAINED).orElseThrow()).isCloseTo(0.775,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.toJson()).contains("\"worstMargin.vs.scratch-fitOneCycle\": 0.2").contains("\"scratch-fitOneCycle\"");
    }

    private static byte[] toBytes(int[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    private static void idx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
