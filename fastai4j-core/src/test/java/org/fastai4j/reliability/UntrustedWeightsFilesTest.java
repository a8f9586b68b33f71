package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fastai4j.io.InvalidWeightsFileException;
import org.fastai4j.io.PthReader;
import org.fastai4j.io.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, items 1–3, the cases the io tests ({@code PthReaderTest}, {@code SafetensorsTest})
 * do not write: the refusal of a global at the opcode that names it (before the call that would
 * run it), and huge declared sizes refused without allocating (the test JVM has -Xmx2g; each file
 * declares far more).
 */
class UntrustedWeightsFilesTest {
    @TempDir
    Path dir;

    /** A torch.save-style zip {@code archive/data.pkl} (+ optional storage {@code archive/data/0}). */
    Path torchZip(String name, byte[] pickle, byte[] storage0) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            if (storage0 != null) {
                zip.putNextEntry(new ZipEntry("archive/data/0"));
                zip.write(storage0);
                zip.closeEntry();
            }
        }
        Path f = dir.resolve(name);
        Files.write(f, bytes.toByteArray());
        return f;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aForbiddenGlobalIsRefusedAtItsOwnOpcodeBeforeAnyCall() throws Exception {
        // PROTO 2 | GLOBAL 'os\nsystem\n' (bytes 2..12) | BINUNICODE "hello" | TUPLE1 | REDUCE | STOP
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2});
        p.write(ascii("cos\nsystem\n"));
        p.write('X');
        p.write(new byte[] {5, 0, 0, 0});
        p.write(ascii("hello"));
        p.write(new byte[] {(byte) 0x85, 'R', '.'});
        Path f = torchZip("evil.pth", p.toByteArray(), null);
        // the reader stops at byte 13, right after the global's name: the string, the tuple and the
        // REDUCE (byte 24) that would call os.system are never reached
        assertThatThrownBy(() -> PthReader.read(f)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("evil.pth").hasMessageContaining("refused pickle global 'os.system'")
                .hasMessageContaining("(pickle byte 13)");
    }

    @Test
    void hugeDeclaredStorageIsRefusedWithoutAllocating() throws Exception {
        // {'w': _rebuild_tensor_v2(persistent('storage', FloatStorage, '0', 'cpu', 2**62), 0, (2**31,), (1,), False, {})}
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(new byte[] {(byte) 0x80, 2, '}'});
        p.write(ascii("\u008c\u0001w"));
        p.write(ascii("ctorch._utils\n_rebuild_tensor_v2\n("));
        p.write(ascii("(\u008c\u0007storage"));
        p.write(ascii("ctorch\nFloatStorage\n"));
        p.write(ascii("\u008c\u00010\u008c\u0003cpu"));
        p.write(0x8a);
        p.write(8);
        p.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).array());
        p.write(ascii("tQK\u0000(\u008a\u0005"));
        p.write(new byte[] {0, 0, 0, (byte) 0x80, 0}); // LONG1 5 bytes: 2**31
        p.write(ascii("t(K\u0001t\u0089}tRs."));
        Path f = torchZip("huge.pth", p.toByteArray(), new byte[16]);
        assertThatThrownBy(() -> PthReader.read(f)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("huge.pth")
                .hasMessageContaining("storage 0 declares 4611686018427387904 float32 elements but its zip entry"
                        + " holds 16 bytes");
    }

    @Test
    void safetensorsDeclaringGigabytesInASmallFileIsRefusedWithoutAllocating() throws Exception {
        String json = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1000000000],\"data_offsets\":[0,4000000000]}}";
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path f = dir.resolve("big.safetensors");
        Files.write(f, b.array());
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("big.safetensors")
                .hasMessageContaining("tensors end at byte 4000000000 of the data section but it has only 8");
    }
}
