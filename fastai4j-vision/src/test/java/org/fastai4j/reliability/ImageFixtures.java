package org.fastai4j.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** TEST FIXTURE: the committed decoding fixtures (src/test/resources/images) and crafted files. */
final class ImageFixtures {
    private ImageFixtures() {}

    /** The bytes of fixture {@code name} under /images. */
    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageFixtures.class.getResourceAsStream("/images/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /images/" + name);
            }
            return in.readAllBytes();
        }
    }

    /** Copies fixture {@code name} to {@code target} (folders created). */
    static Path copy(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.write(target, resource(name));
    }

    /**
     * A valid PNG header declaring {@code w}×{@code h} 8-bit RGB (IHDR with its CRC), one small IDAT
     * (a deflated row of zeros) and IEND: tiny on disk, huge when decoded.
     */
    static byte[] pngBomb(int w, int h) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater d = new Deflater();
        d.setInput(new byte[1024]);
        d.finish();
        byte[] buf = new byte[256];
        int n = d.deflate(buf);
        d.end();
        byte[] idat = new byte[n];
        System.arraycopy(buf, 0, idat, 0, n);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(t);
        out.write(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The JPEG fixture {@code rgb.jpg} with its SOF0 frame header rewritten to {@code w}×{@code h}. */
    static byte[] jpegBomb(int w, int h) throws IOException {
        byte[] b = resource("rgb.jpg").clone();
        for (int i = 2; i + 8 < b.length; ) {
            int marker = b[i + 1] & 0xff;
            int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            if (marker == 0xC0 || marker == 0xC2) {
                b[i + 5] = (byte) (h >> 8);
                b[i + 6] = (byte) h;
                b[i + 7] = (byte) (w >> 8);
                b[i + 8] = (byte) w;
                return b;
            }
            i += 2 + len;
        }
        throw new IOException("no SOF marker in rgb.jpg");
    }

    /** VmRSS of this process in kB, or -1 without /proc. */
    static long rssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
