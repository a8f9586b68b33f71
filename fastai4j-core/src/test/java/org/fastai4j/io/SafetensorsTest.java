package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Safetensors: round trip, and the specification's corruption cases, each with its own message. */
class SafetensorsTest {

    @TempDir
    Path dir;

    /** A file with header {@code json} (as given, not padded) and {@code dataBytes} zero bytes of data. */
    Path file(String json, int dataBytes) throws Exception {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        Path f = dir.resolve("t.safetensors");
        Files.write(f, b.array());
        return f;
    }

    @Test
    void roundTripKeepsNamesTypesShapesValuesAndMetadata() throws Exception {
        Map<String, RawTensor> t = new LinkedHashMap<>();
        t.put("a.weight", RawTensor.ofFloats(new float[] {1, -2, 3.5f, 4, 5, 6}, 2, 3));
        ByteBuffer longs = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(-9).flip();
        t.put("b", new RawTensor(DataType.INT64, new long[] {2}, longs));
        t.put("scalar", RawTensor.ofFloats(new float[] {0.25f}));
        Path f = dir.resolve("m.safetensors");
        Safetensors.write(f, t, Map.of("format", "pt"));
        Safetensors.Contents c = Safetensors.read(f);
        assertThat(c.tensors()).isEqualTo(t);
        assertThat(c.tensors().keySet()).containsExactly("a.weight", "b", "scalar");
        assertThat(c.metadata()).containsExactlyEntriesOf(Map.of("format", "pt"));
        // header padded to a multiple of 8, as the reference writer does
        long n = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(n % 8).isZero();
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = Safetensors.read(f, m);
            assertThat(arrays.get("a.weight").toFloatArray()).containsExactly(1, -2, 3.5f, 4, 5, 6);
            assertThat(arrays.get("b").toLongArray()).containsExactly(7, -9);
        }
        assertThat(Files.list(dir)).containsExactly(f); // no temp file left
    }

    @Test
    void fileUnderEightBytes() throws Exception {
        Path f = dir.resolve("short.safetensors");
        Files.write(f, new byte[5]);
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining("fewer than the 8-byte header length");
    }

    @Test
    void headerOverLimit() throws Exception {
        Path f = dir.resolve("big.safetensors");
        Files.write(f, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(100_000_001L).array());
        assertThatThrownBy(() -> Safetensors.read(f)).hasMessageContaining("exceeds the 100,000,000-byte limit");
    }

    @Test
    void headerPastEndOfFile() throws Exception {
        Path f = dir.resolve("past.safetensors");
        Files.write(f, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        assertThatThrownBy(() -> Safetensors.read(f)).hasMessageContaining("goes past the end of the 12-byte file");
    }

    @Test
    void nonUtf8Header() throws Exception {
        byte[] bad = {'{', (byte) 0xff, (byte) 0xfe, '}'};
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(4).put(bad);
        Path f = dir.resolve("u.safetensors");
        Files.write(f, b.array());
        assertThatThrownBy(() -> Safetensors.read(f)).hasMessageContaining("not valid UTF-8");
    }

    static final String A = "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,2]|8|not a JSON object",
        "{\"a\":|8|not valid JSON",
        "{" + A + "} {}|8|data after its JSON object",
        "{" + A + "," + A + "}|8|duplicate key 'a'",
        "{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}|8|unknown dtype 'Q7'",
        "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[8],\"data_offsets\":[0,8]}}|8|does not support",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}|8|needs 12 bytes but data_offsets [0, 8] span 8",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296,4294967296],\"data_offsets\":[0,8]}}|8|overflows",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,16]}}|16|gap in the data section",
        "{" + A + ",\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}|12|overlaps",
        "{" + A + "}|12|trailing bytes",
        "{" + A + "}|4|tensors end at byte 8 of the data section but it has only 4",
        "{\"__metadata__\":{\"k\":1}," + A + "}|8|__metadata__ value of 'k' is not a string",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}|8|negative",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}|8|not valid JSON",
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}|8|needs a string dtype, a shape and data_offsets",
    })
    void corruptHeadersAreRefusedWithTheirReason(String json, int data, String message) throws Exception {
        Path f = file(json, data);
        assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(InvalidWeightsFileException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining(message);
    }

    @Test
    void writeFailureKeepsThePreviousFile() throws Exception {
        Path f = dir.resolve("keep.safetensors");
        Safetensors.write(f, Map.of("x", RawTensor.ofFloats(new float[] {1}, 1)), Map.of());
        byte[] before = Files.readAllBytes(f);
        Map<String, RawTensor> bad = new LinkedHashMap<>();
        bad.put("y", RawTensor.ofFloats(new float[] {2}, 1));
        bad.put("__metadata__", RawTensor.ofFloats(new float[] {3}, 1));
        assertThatThrownBy(() -> Safetensors.write(f, bad, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(Files.list(dir)).containsExactly(f);
    }
}
