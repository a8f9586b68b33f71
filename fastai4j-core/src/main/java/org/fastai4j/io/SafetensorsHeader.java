package org.fastai4j.io;

import ai.djl.ndarray.types.DataType;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and validated safetensors header: the tensor entries (name, dtype, shape, byte span in the
 * data section, in header order) and the {@code __metadata__} string map.
 *
 * @param entries the tensors, in header order
 * @param metadata the {@code __metadata__} map (empty if absent)
 */
record SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {

    /** One tensor of the header. */
    record Entry(String name, DataType dataType, long[] shape, long begin, long end) {}

    private static final Map<String, DataType> DTYPES = Map.ofEntries(
            Map.entry("BOOL", DataType.BOOLEAN), Map.entry("U8", DataType.UINT8), Map.entry("I8", DataType.INT8),
            Map.entry("I16", DataType.INT16), Map.entry("U16", DataType.UINT16), Map.entry("F16", DataType.FLOAT16),
            Map.entry("BF16", DataType.BFLOAT16), Map.entry("I32", DataType.INT32), Map.entry("U32", DataType.UINT32),
            Map.entry("F32", DataType.FLOAT32), Map.entry("F64", DataType.FLOAT64), Map.entry("I64", DataType.INT64),
            Map.entry("U64", DataType.UINT64));
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("F8_E5M2", "F8_E4M3", "F8_E8M0", "F6_E2M3",
            "F6_E3M2", "F4", "C64");

    /** The safetensors name of a DJL type. */
    static String dtypeName(DataType t) {
        return DTYPES.entrySet().stream().filter(e -> e.getValue() == t).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("safetensors has no dtype for " + t));
    }

    /**
     * Parses and validates a header of {@code bytes} against a data section of {@code dataLength} bytes:
     * UTF-8, one JSON object, no duplicate keys, known dtypes, shapes × dtype sizes equal to the spans,
     * spans contiguous and non-overlapping and covering the data section exactly.
     */
    static SafetensorsHeader parse(Path file, ByteBuffer bytes, long dataLength) throws InvalidWeightsFileException {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidWeightsFileException(file, "header is not valid UTF-8", e);
        }
        if (!json.startsWith("{")) {
            throw new InvalidWeightsFileException(file, "header is not a JSON object (does not start with '{')");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            r.setStrictness(Strictness.STRICT);
            Set<String> seen = new HashSet<>();
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (!seen.add(name)) {
                    throw new InvalidWeightsFileException(file, "duplicate key '" + name + "' in header");
                }
                if (name.equals("__metadata__")) {
                    readMetadata(file, r, metadata);
                } else {
                    entries.add(readEntry(file, r, name));
                }
            }
            r.endObject();
            boolean end;
            try {
                end = r.peek() == JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                end = false;
            }
            if (!end) {
                throw new InvalidWeightsFileException(file, "header has data after its JSON object");
            }
        } catch (InvalidWeightsFileException e) {
            throw e;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("at line \\d+ column \\d+")
                    .matcher(String.valueOf(e.getMessage()));
            throw new InvalidWeightsFileException(file, "header is not valid JSON"
                    + (m.find() ? " (" + m.group() + ")" : ""), e);
        }
        checkSpans(file, entries, dataLength);
        return new SafetensorsHeader(List.copyOf(entries), Map.copyOf(metadata));
    }

    private static void readMetadata(Path file, JsonReader r, Map<String, String> out) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw new InvalidWeightsFileException(file, "__metadata__ must be an object of strings");
        }
        r.beginObject();
        while (r.hasNext()) {
            String k = r.nextName();
            if (r.peek() != JsonToken.STRING) {
                throw new InvalidWeightsFileException(file, "__metadata__ value of '" + k + "' is not a string");
            }
            if (out.put(k, r.nextString()) != null) {
                throw new InvalidWeightsFileException(file, "duplicate key '" + k + "' in __metadata__");
            }
        }
        r.endObject();
    }

    private static Entry readEntry(Path file, JsonReader r, String name) throws IOException {
        if (r.peek() != JsonToken.BEGIN_OBJECT) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' is not a JSON object");
        }
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        Set<String> fields = new HashSet<>();
        r.beginObject();
        while (r.hasNext()) {
            String f = r.nextName();
            if (!fields.add(f)) {
                throw new InvalidWeightsFileException(file, "duplicate key '" + f + "' in tensor '" + name + "'");
            }
            switch (f) {
                case "dtype" -> dtype = r.peek() == JsonToken.STRING ? r.nextString() : null;
                case "shape" -> shape = readLongs(file, r, name, f);
                case "data_offsets" -> offsets = readLongs(file, r, name, f);
                default -> r.skipValue();
            }
        }
        r.endObject();
        if (dtype == null || shape == null || offsets == null) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' needs a string dtype, a shape and data_offsets");
        }
        DataType type = DTYPES.get(dtype);
        if (type == null) {
            throw new InvalidWeightsFileException(file, KNOWN_UNSUPPORTED.contains(dtype)
                    ? "tensor '" + name + "' has dtype " + dtype + ", which fastai4j does not support"
                    : "tensor '" + name + "' has unknown dtype '" + dtype + "'");
        }
        if (offsets.length != 2 || offsets[1] < offsets[0]) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' has invalid data_offsets "
                    + Arrays.toString(offsets));
        }
        long bytes;
        try {
            bytes = Math.multiplyExact(RawTensor.elementCount(shape), (long) type.getNumOfBytes());
        } catch (ArithmeticException e) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' shape " + Arrays.toString(shape)
                    + " overflows");
        }
        if (bytes != offsets[1] - offsets[0]) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' of " + dtype + " " + Arrays.toString(shape)
                    + " needs " + bytes + " bytes but data_offsets " + Arrays.toString(offsets) + " span "
                    + (offsets[1] - offsets[0]));
        }
        return new Entry(name, type, shape, offsets[0], offsets[1]);
    }

    private static long[] readLongs(Path file, JsonReader r, String name, String field) throws IOException {
        if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' " + field + " is not an array");
        }
        List<Long> v = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) {
            if (v.size() > 64) {
                throw new InvalidWeightsFileException(file, "tensor '" + name + "' " + field + " is too long");
            }
            long x = r.nextLong();
            if (x < 0) {
                throw new InvalidWeightsFileException(file, "tensor '" + name + "' " + field + " has a negative value");
            }
            v.add(x);
        }
        r.endArray();
        return v.stream().mapToLong(Long::longValue).toArray();
    }

    private static void checkSpans(Path file, List<Entry> entries, long dataLength) throws InvalidWeightsFileException {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long pos = 0;
        for (Entry e : sorted) {
            if (e.begin() < pos) {
                throw new InvalidWeightsFileException(file, "tensor '" + e.name() + "' overlaps the previous tensor (starts at "
                        + e.begin() + ", previous ends at " + pos + ")");
            }
            if (e.begin() > pos) {
                throw new InvalidWeightsFileException(file, "gap in the data section before tensor '" + e.name()
                        + "' (bytes " + pos + " to " + e.begin() + " unused)");
            }
            pos = e.end();
        }
        if (pos > dataLength) {
            throw new InvalidWeightsFileException(file, "tensors end at byte " + pos + " of the data section but it has only "
                    + dataLength + " bytes");
        }
        if (pos < dataLength) {
            throw new InvalidWeightsFileException(file, "trailing bytes: the data section has " + dataLength
                    + " bytes but the tensors cover " + pos);
        }
    }
}
