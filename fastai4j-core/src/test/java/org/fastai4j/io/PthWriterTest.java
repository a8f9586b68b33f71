package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The torch.save-format writer: read back by our reader, and by Python's torch.load where available. */
class PthWriterTest {

    @TempDir
    Path dir;

    static Map<String, RawTensor> sample() {
        Map<String, RawTensor> t = new LinkedHashMap<>();
        t.put("conv.weight", RawTensor.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        t.put("bn.num_batches_tracked", new RawTensor(DataType.INT64, new long[] {},
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 42)));
        return t;
    }

    @Test
    void roundTripsThroughTheRestrictedReader() throws Exception {
        Path f = dir.resolve("w.pth");
        PthWriter.write(f, sample());
        assertThat(PthReader.read(f)).isEqualTo(sample());
    }

    @Test
    void pythonTorchLoadsIt() throws Exception {
        Path f = dir.resolve("w.pth");
        PthWriter.write(f, sample());
        Process p;
        try {
            p = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, torch; d = torch.load(sys.argv[1]);"
                    + " print(list(d), d['conv.weight'].tolist(), int(d['bn.num_batches_tracked']))", f.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "skipped: /usr/bin/python3 is not available");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assumeTrue(!out.contains("No module named 'torch'"), "skipped: Python has no torch");
        assertThat(out).endsWith("['conv.weight', 'bn.num_batches_tracked'] [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]] 42");
        assertThat(Files.list(dir)).containsExactly(f);
    }
}
