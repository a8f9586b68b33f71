package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The restricted .pth reader: fixtures written by torch 1.13 ({@code io/generate_fixtures.py}). */
class PthReaderTest {

    static Path fixture(String name) throws Exception {
        return Path.of(PthReaderTest.class.getResource("/io/" + name).toURI());
    }

    @Test
    void readsTensorsOfATorchSaveFile() throws Exception {
        Map<String, RawTensor> t = PthReader.read(fixture("good.pth"));
        assertThat(t.keySet()).containsExactly("w", "v", "n", "h");
        assertThat(t.get("w").shape()).containsExactly(2, 3);
        assertThat(t.get("w").toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5);
        // v = w.t(): a strided view (strides (1, 3)) made contiguous: rows of w's columns
        assertThat(t.get("v").shape()).containsExactly(3, 2);
        assertThat(t.get("v").toFloatArray()).containsExactly(0, 3, 1, 4, 2, 5);
        assertThat(t.get("n").dataType()).isEqualTo(DataType.INT64);
        assertThat(t.get("n").shape()).isEmpty();
        assertThat(t.get("n").data().getLong(0)).isEqualTo(7L);
        assertThat(t.get("h").dataType()).isEqualTo(DataType.FLOAT16);
        assertThat(t.get("h").toFloatArray()).containsExactly(1.5f, -2f);
    }

    @Test
    void deeplyNestedListsAreRefusedWithoutStackOverflow(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // PROTO 2, EMPTY_LIST, then 100000 x (EMPTY_LIST, APPEND... ) builds a chain 100000 lists deep
        java.io.ByteArrayOutputStream pkl = new java.io.ByteArrayOutputStream();
        pkl.write(new byte[] {(byte) 0x80, 2});
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            pkl.write(']');
        }
        for (int i = 0; i < n - 1; i++) {
            pkl.write('a');
        }
        pkl.write('.');
        Path f = dir.resolve("deep.pth");
        WeightsReadersFuzzTest.ZipInputCopy.writeTorchZip(f, "deep", pkl.toByteArray());
        assertThatThrownBy(() -> PthReader.read(f)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("nested more than 32 deep");
    }

    @Test
    void legacyTarAndProtocolOnePicklesAreRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path tar = dir.resolve("old.pth");
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                java.nio.file.Files.newOutputStream(tar))) {
            var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("sys_info");
            byte[] b = {(byte) 0x80, 2, 'N', '.'};
            e.setSize(b.length);
            out.putArchiveEntry(e);
            out.write(b);
            out.closeArchiveEntry();
        }
        assertThatThrownBy(() -> PthReader.read(tar)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("legacy tar format");
        // protocol 0 pickle (no PROTO opcode): "(dp0\n." is an empty dict in protocol 0
        Path p0 = dir.resolve("p0.pth");
        WeightsReadersFuzzTest.ZipInputCopy.writeTorchZip(p0, "p0", "(dp0\n.".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> PthReader.read(p0)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("pickle protocol < 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "os_system.pth|refused pickle global 'posix.system'",
        "builtins_eval.pth|refused pickle global '__builtin__.eval'",
        "subprocess.pth|refused pickle global 'subprocess.Popen'",
        "torchscript.pt|TorchScript archive",
        "truncated.pth|not a valid zip archive",
        "lying_storage.pth|storage 0 declares 6000 float32 elements but its zip entry holds 24 bytes",
        "memo_nothing.pth|memo reference 5 to nothing",
        "setitem_nonedict.pth|SETITEM on a non-dict",
        "huge_length.pth|declared length 4294967295 exceeds the",
        "legacy.pth|legacy non-zip torch.save format",
    })
    void refusesMaliciousAndBrokenFiles(String name, String message) throws Exception {
        Path file = fixture(name);
        assertThatThrownBy(() -> PthReader.read(file)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining(name).hasMessageContaining(message);
    }
}
