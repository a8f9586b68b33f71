package org.fastai4j.io;

import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.fastai4j.io.PickleValues.StorageRef;
import org.fastai4j.io.PickleValues.TensorRef;

/**
 * Reads the tensors of a file written by {@code torch.save} (the zip format of PyTorch ≥ 1.6:
 * {@code <name>/data.pkl} plus one {@code <name>/data/<key>} entry per storage) without running any
 * pickle code: {@link RestrictedUnpickler} builds only data and tensor references. Refused, with an
 * {@link InvalidWeightsFileException} naming the file and the reason: TorchScript archives
 * ({@code constants.pkl}, {@code code/}), the legacy tar and raw-pickle formats, pickles naming any
 * global outside the allowlist, storages whose declared size disagrees with their zip entry (checked
 * before anything is allocated), tensor views outside their storage, big-endian files.
 *
 * <p>The result maps names to contiguous tensors; a root dict nested in dicts or lists (e.g. a
 * checkpoint {@code {"model": state_dict}}) is flattened with dotted names; non-tensor leaves are skipped.
 */
public final class PthReader {

    /** The largest {@code data.pkl} read (a resnet152 state dict's pickle is about 100 kB). */
    static final long MAX_PICKLE_BYTES = 64L << 20;

    private PthReader() {}

    /**
     * Reads the tensors of {@code file}, by name, in file order. No code from the file is run.
     *
     * @param file a file written by {@code torch.save} (PyTorch 1.6 or later, zip format), e.g. a
     *     torchvision {@code .pth} weights file
     * @return the tensors by (dotted) state-dict name, in the order the file lists them; each a
     *     contiguous copy in Java memory
     * @throws InvalidWeightsFileException if the file is not a readable {@code torch.save} zip
     *     archive or is refused (legacy format, TorchScript, a disallowed pickle global, sizes that
     *     disagree); the message names the file and the reason
     * @throws IOException if the file cannot be read
     */
    public static Map<String, RawTensor> read(Path file) throws IOException {
        checkNotLegacy(file);
        try {
            return readZip(file);
        } catch (InvalidWeightsFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InvalidWeightsFileException(file, "corrupt zip archive: " + e, e);
        }
    }

    private static Map<String, RawTensor> readZip(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InvalidWeightsFileException(file, "not a valid zip archive (truncated or corrupt): " + e.getMessage(), e);
        }
        try (zip) {
            String prefix = archivePrefix(file, zip);
            ZipEntry order = zip.getEntry(prefix + "byteorder");
            if (order != null && !"little".equals(new String(readEntry(file, zip, order, 16), StandardCharsets.US_ASCII).trim())) {
                throw new InvalidWeightsFileException(file, "big-endian .pth files are not supported");
            }
            ZipEntry pkl = zip.getEntry(prefix + "data.pkl");
            Object root = RestrictedUnpickler.load(file, readEntry(file, zip, pkl, MAX_PICKLE_BYTES));
            Map<String, TensorRef> refs = new LinkedHashMap<>();
            flatten(file, "", root, refs, 0);
            // every storage checked against its zip entry before any is read
            Map<String, ZipEntry> entries = new HashMap<>();
            long total = 0;
            long limit = 2 * Files.size(file) + (1L << 20);
            for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
                entries.put(e.getValue().storage().key(), checkStorage(file, zip, prefix, e.getKey(), e.getValue()));
                total += RawTensor.elementCount(e.getValue().size()) * e.getValue().storage().dataType().getNumOfBytes();
                if (total > limit) {
                    throw new InvalidWeightsFileException(file, "tensors would take " + total + " bytes, more than twice "
                            + "the file's size: views that repeat their storage are refused");
                }
            }
            Map<String, ByteBuffer> storages = new HashMap<>();
            Map<String, RawTensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, TensorRef> e : refs.entrySet()) {
                StorageRef s = e.getValue().storage();
                ByteBuffer data = storages.get(s.key());
                if (data == null) {
                    ZipEntry ze = entries.get(s.key());
                    data = ByteBuffer.wrap(readEntry(file, zip, ze, ze.getSize())).order(ByteOrder.LITTLE_ENDIAN);
                    storages.put(s.key(), data);
                }
                out.put(e.getKey(), materialise(e.getValue(), data));
            }
            return Collections.unmodifiableMap(out);
        }
    }

    private static void checkNotLegacy(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K') {
            return;
        }
        if (n >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            throw new InvalidWeightsFileException(file, "legacy tar format of torch.save (PyTorch < 0.4) is refused; "
                    + "re-save it with a recent PyTorch");
        }
        if (n >= 1 && (head[0] & 0xff) == 0x80) {
            throw new InvalidWeightsFileException(file, "legacy non-zip torch.save format (PyTorch < 1.6) is refused; "
                    + "re-save it with a recent PyTorch");
        }
        throw new InvalidWeightsFileException(file, "not a torch.save zip archive (" + n + " bytes, no zip signature)");
    }

    private static String archivePrefix(Path file, ZipFile zip) throws InvalidWeightsFileException {
        List<String> pkls = new ArrayList<>();
        for (ZipEntry e : Collections.list(zip.entries())) {
            String name = e.getName();
            if (name.endsWith("/constants.pkl") || name.contains("/code/") || name.endsWith("/code/")) {
                throw new InvalidWeightsFileException(file, "TorchScript archive (" + name + ") is refused: "
                        + "only state dicts saved with torch.save are read");
            }
            if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
                pkls.add(name);
            }
        }
        if (pkls.size() != 1) {
            throw new InvalidWeightsFileException(file, "expected one <name>/data.pkl entry, found " + pkls.size());
        }
        return pkls.get(0).substring(0, pkls.get(0).length() - "data.pkl".length());
    }

    private static byte[] readEntry(Path file, ZipFile zip, ZipEntry e, long max) throws IOException {
        long size = e.getSize();
        if (size < 0 || size > max) {
            throw new InvalidWeightsFileException(file, "zip entry " + e.getName() + " has size " + size
                    + ", more than the " + max + " expected");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) size);
            if (b.length != size || in.read() != -1) {
                throw new InvalidWeightsFileException(file, "zip entry " + e.getName() + " does not hold its declared "
                        + size + " bytes");
            }
            return b;
        } catch (ZipException ex) {
            throw new InvalidWeightsFileException(file, "corrupt zip entry " + e.getName() + ": " + ex.getMessage(), ex);
        }
    }

    private static ZipEntry checkStorage(Path file, ZipFile zip, String prefix, String name, TensorRef t)
            throws InvalidWeightsFileException {
        StorageRef s = t.storage();
        ZipEntry ze = zip.getEntry(prefix + "data/" + s.key());
        if (ze == null) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' refers to storage " + s.key()
                    + ", which has no zip entry");
        }
        int w = s.dataType().getNumOfBytes();
        if (s.numel() > Long.MAX_VALUE / w || ze.getSize() != s.numel() * w) {
            throw new InvalidWeightsFileException(file, "storage " + s.key() + " declares " + s.numel() + " "
                    + s.dataType() + " elements but its zip entry holds " + ze.getSize() + " bytes");
        }
        if (t.size().length != t.stride().length) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' has " + t.size().length + " sizes and "
                    + t.stride().length + " strides");
        }
        long count;
        long last = t.offset();
        try {
            count = RawTensor.elementCount(t.size());
            for (int i = 0; i < t.size().length; i++) {
                if (t.size()[i] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(t.size()[i] - 1, t.stride()[i]));
                }
            }
        } catch (ArithmeticException e) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' shape overflows");
        }
        if (count > 0 && last >= s.numel()) {
            throw new InvalidWeightsFileException(file, "tensor '" + name + "' of size " + Arrays.toString(t.size())
                    + " at offset " + t.offset() + " reaches past its storage of " + s.numel() + " elements");
        }
        return ze;
    }

    private static RawTensor materialise(TensorRef t, ByteBuffer storage) {
        DataType type = t.storage().dataType();
        int w = type.getNumOfBytes();
        int n = Math.toIntExact(RawTensor.elementCount(t.size()));
        ByteBuffer out = ByteBuffer.allocate(n * w).order(ByteOrder.LITTLE_ENDIAN);
        long[] size = t.size();
        if (n == 0 || isContiguous(size, t.stride())) {
            out.put(storage.array(), n == 0 ? 0 : (int) (t.offset() * w), n * w);
            out.flip();
            return new RawTensor(type, size, out);
        }
        long[] idx = new long[size.length];
        for (int i = 0; i < n; i++) {
            long pos = t.offset();
            for (int d = 0; d < size.length; d++) {
                pos += idx[d] * t.stride()[d];
            }
            out.put(storage.array(), (int) (pos * w), w);
            for (int d = size.length - 1; d >= 0; d--) {
                if (++idx[d] < size[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        out.flip();
        return new RawTensor(type, size, out);
    }

    private static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    private static void flatten(Path file, String prefix, Object o, Map<String, TensorRef> out, int depth)
            throws InvalidWeightsFileException {
        if (depth > 32) {
            throw new InvalidWeightsFileException(file, "dicts and lists nested more than 32 deep");
        }
        if (o instanceof TensorRef t) {
            out.put(prefix.isEmpty() ? "tensor" : prefix, t);
        } else if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(file, prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(),
                        out, depth + 1);
            }
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(file, prefix.isEmpty() ? Integer.toString(i) : prefix + "." + i, l.get(i), out, depth + 1);
            }
        }
    }
}
