package org.fastai4j.io;

import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a state dict in {@code torch.save}'s zip format (pickle protocol 2, an {@code OrderedDict} of
 * {@code torch._utils._rebuild_tensor_v2} over one storage per tensor), so Python's {@code torch.load}
 * (and {@link PthReader}) read it: a torchvision-format weights file. Written atomically.
 */
public final class PthWriter {

    private PthWriter() {}

    /**
     * Writes {@code tensors} (contiguous, in map order) to {@code file}, replacing it atomically.
     *
     * @param file the {@code .pth} file to write; its folder is created when needed
     * @param tensors the tensors by state-dict name (e.g. {@code conv1.weight}), in the order to
     *     write them; types float16/bfloat16/float32/float64, int8/16/32/64, uint8 or boolean
     * @throws IllegalArgumentException if a tensor's type has no torch storage type
     * @throws IOException if the file cannot be written; a previous file is then left untouched
     */
    public static void write(Path file, Map<String, RawTensor> tensors) throws IOException {
        String prefix = "archive/";
        ByteArrayOutputStream pkl = new ByteArrayOutputStream();
        pkl.write(new byte[] {(byte) 0x80, 2});
        global(pkl, "collections", "OrderedDict");
        pkl.write(')');
        pkl.write('R');
        pkl.write('(');
        int key = 0;
        for (Map.Entry<String, RawTensor> e : tensors.entrySet()) {
            RawTensor t = e.getValue();
            unicode(pkl, e.getKey());
            global(pkl, "torch._utils", "_rebuild_tensor_v2");
            pkl.write('(');
            pkl.write('(');
            unicode(pkl, "storage");
            global(pkl, "torch", storageName(t.dataType()));
            unicode(pkl, Integer.toString(key++));
            unicode(pkl, "cpu");
            integer(pkl, t.elementCount());
            pkl.write('t');
            pkl.write('Q');
            integer(pkl, 0);
            long[] shape = t.shape();
            pkl.write('(');
            for (long d : shape) {
                integer(pkl, d);
            }
            pkl.write('t');
            pkl.write('(');
            long stride = 1;
            long[] strides = new long[shape.length];
            for (int i = shape.length - 1; i >= 0; i--) {
                strides[i] = stride;
                stride *= shape[i];
            }
            for (long s : strides) {
                integer(pkl, s);
            }
            pkl.write('t');
            pkl.write(0x89); // requires_grad False
            global(pkl, "collections", "OrderedDict");
            pkl.write(')');
            pkl.write('R');
            pkl.write('t');
            pkl.write('R');
        }
        pkl.write('u');
        pkl.write('.');
        AtomicFiles.write(file, ch -> {
            ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(ch));
            stored(zip, prefix + "data.pkl", pkl.toByteArray());
            stored(zip, prefix + "byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            int k = 0;
            for (RawTensor t : tensors.values()) {
                ByteBuffer d = t.data().order(ByteOrder.LITTLE_ENDIAN);
                byte[] b = new byte[d.remaining()];
                d.get(b);
                stored(zip, prefix + "data/" + k++, b);
            }
            stored(zip, prefix + "version", "3\n".getBytes(StandardCharsets.US_ASCII));
            zip.finish();
            zip.flush();
        });
    }

    private static String storageName(DataType t) {
        for (Map.Entry<String, DataType> e : RestrictedUnpickler.STORAGES.entrySet()) {
            if (e.getValue() == t) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("torch has no storage type for " + t);
    }

    /** Writes one stored (uncompressed) zip entry, as {@code torch.save} does. */
    static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static void global(ByteArrayOutputStream out, String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void unicode(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        out.writeBytes(b);
    }

    private static void integer(ByteArrayOutputStream out, long v) {
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        } else {
            out.write(0x8a);
            out.write(8);
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }
    }
}
