package org.fastai4j.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors format (https://github.com/huggingface/safetensors), read with every check of its
 * specification and written atomically. A file is an 8-byte little-endian header length N, N bytes of
 * UTF-8 JSON (tensor name → dtype, shape, data_offsets; optional {@code __metadata__} string map), then
 * the data section. Reading refuses, each with its own {@link InvalidWeightsFileException} message: a
 * file under 8 bytes, a header over 100,000,000 bytes or past the end of the file, non-UTF-8, non-JSON,
 * a non-object, duplicate keys, unknown dtypes, shapes that overflow or disagree with their byte spans,
 * gaps, overlaps, and trailing bytes. Memory read is bounded by the file size.
 */
public final class Safetensors {

    /** The specification's header size limit (100 MB). */
    public static final long MAX_HEADER_SIZE = 100_000_000L;

    private Safetensors() {}

    /**
     * The contents of a safetensors file.
     *
     * @param tensors the tensors by name, in header order
     * @param metadata the {@code __metadata__} map
     */
    public record Contents(Map<String, RawTensor> tensors, Map<String, String> metadata) {}

    /**
     * Reads and validates {@code file} into Java memory.
     *
     * @param file the safetensors file
     * @return the tensors and the metadata
     * @throws IOException if the file cannot be read or is not valid safetensors
     */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new InvalidWeightsFileException(file, "file has " + size + " bytes, fewer than the 8-byte header length");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.getLong(0);
            if (n < 0 || n > MAX_HEADER_SIZE) {
                throw new InvalidWeightsFileException(file, "header length " + Long.toUnsignedString(n)
                        + " exceeds the 100,000,000-byte limit");
            }
            if (8 + n > size) {
                throw new InvalidWeightsFileException(file, "header length " + n + " goes past the end of the "
                        + size + "-byte file");
            }
            ByteBuffer header = ByteBuffer.allocate((int) n);
            readFully(ch, header, 8);
            header.flip();
            long dataStart = 8 + n;
            SafetensorsHeader h = SafetensorsHeader.parse(file, header, size - dataStart);
            Map<String, RawTensor> tensors = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : h.entries()) {
                long span = e.end() - e.begin();
                if (span > Integer.MAX_VALUE - 8) {
                    throw new InvalidWeightsFileException(file, "tensor '" + e.name() + "' is over 2 GB, not supported");
                }
                ByteBuffer data = ByteBuffer.allocate((int) span).order(ByteOrder.LITTLE_ENDIAN);
                readFully(ch, data, dataStart + e.begin());
                data.flip();
                tensors.put(e.name(), new RawTensor(e.dataType(), e.shape(), data));
            }
            return new Contents(tensors, h.metadata());
        }
    }

    /**
     * Reads {@code file} into NDArrays of {@code manager}, by name (each array's name set too).
     *
     * @param file the safetensors file
     * @param manager the manager the arrays belong to
     * @return the arrays by name
     * @throws IOException if the file cannot be read or is not valid safetensors
     */
    public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, RawTensor> e : read(file).tensors().entrySet()) {
            NDArray a = e.getValue().toNDArray(manager);
            a.setName(e.getKey());
            out.put(e.getKey(), a);
        }
        return out;
    }

    /**
     * Writes NDArrays (copied to Java memory first), see {@link #write(Path, Map, Map)}.
     *
     * @param file the safetensors file
     * @param arrays the arrays by name, in map order
     * @param metadata the {@code __metadata__} map, or null
     * @throws IOException if the file cannot be written
     */
    public static void writeArrays(Path file, Map<String, NDArray> arrays, Map<String, String> metadata)
            throws IOException {
        Map<String, RawTensor> t = new LinkedHashMap<>();
        arrays.forEach((k, v) -> t.put(k, RawTensor.of(v)));
        write(file, t, metadata);
    }

    /**
     * Writes {@code tensors} (in map order) and {@code metadata} to {@code file} atomically: a temporary
     * file in the same folder, forced to disk, then renamed over {@code file}. The header is padded with
     * spaces to a multiple of 8 bytes.
     *
     * @param file the safetensors file
     * @param tensors the tensors by name, in map order
     * @param metadata the {@code __metadata__} map, or null
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, RawTensor> tensors, Map<String, String> metadata)
            throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = new JsonWriter(sw)) {
            w.beginObject();
            if (metadata != null && !metadata.isEmpty()) {
                w.name("__metadata__").beginObject();
                for (Map.Entry<String, String> m : metadata.entrySet()) {
                    w.name(m.getKey()).value(m.getValue());
                }
                w.endObject();
            }
            long offset = 0;
            for (Map.Entry<String, RawTensor> e : tensors.entrySet()) {
                if (e.getKey().equals("__metadata__")) {
                    throw new IllegalArgumentException("a tensor cannot be named __metadata__");
                }
                RawTensor t = e.getValue();
                w.name(e.getKey()).beginObject();
                w.name("dtype").value(SafetensorsHeader.dtypeName(t.dataType()));
                w.name("shape").beginArray();
                for (long d : t.shape()) {
                    w.value(d);
                }
                w.endArray();
                long len = t.data().remaining();
                w.name("data_offsets").beginArray().value(offset).value(offset + len).endArray();
                w.endObject();
                offset += len;
            }
            w.endObject();
        }
        byte[] json = sw.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        AtomicFiles.write(file, ch -> {
            ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
            head.putLong(padded).put(json);
            while (head.hasRemaining()) {
                head.put((byte) ' ');
            }
            head.flip();
            writeFully(ch, head);
            for (RawTensor t : tensors.values()) {
                writeFully(ch, t.data());
            }
        });
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        long p = pos;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new IOException("unexpected end of file at byte " + p);
            }
            p += r;
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /**
     * {@return true if the first bytes of {@code file} look like safetensors (for format detection)}
     *
     * @param file the safetensors file
     * @throws IOException if the file cannot be read
     */
    public static boolean looksLike(Path file) throws IOException {
        byte[] head = new byte[9];
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, 9) == 9 && head[8] == '{';
        }
    }
}
