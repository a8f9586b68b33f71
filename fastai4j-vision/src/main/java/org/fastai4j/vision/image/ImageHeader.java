package org.fastai4j.vision.image;

import java.util.Optional;

/**
 * Reads the declared width and height from the header of a PNG, JPEG, GIF or BMP file without
 * decoding it (to refuse decompression bombs), and checks that PNG and JPEG data is complete.
 */
final class ImageHeader {
    private ImageHeader() {}

    /** Declared {width, height}, if the format is known and the header readable. */
    static Optional<long[]> dimensions(byte[] b) {
        if (isPng(b) && b.length >= 24) {
            return Optional.of(new long[] {be32(b, 16), be32(b, 20)});
        }
        if (isJpeg(b)) {
            return jpegDimensions(b);
        }
        if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return Optional.of(new long[] {le16(b, 6), le16(b, 8)});
        }
        if (b.length >= 26 && b[0] == 'B' && b[1] == 'M') {
            return Optional.of(new long[] {Math.abs((long) le32(b, 18)),
                Math.abs((long) le32(b, 22))});
        }
        return Optional.empty();
    }

    /** Why the data is incomplete, or empty if it looks complete (or the format is not checked). */
    static Optional<String> truncation(byte[] b) {
        if (isJpeg(b)) {
            int lastSos = lastIndexOf(b, (byte) 0xDA, b.length);
            int lastEoi = lastIndexOf(b, (byte) 0xD9, b.length);
            if (lastEoi < 0 || lastEoi < lastSos) {
                return Optional.of("truncated JPEG (no end-of-image marker FFD9 after the last scan)");
            }
        } else if (isPng(b)) {
            if (!containsIend(b)) {
                return Optional.of("truncated PNG (no IEND chunk)");
            }
        }
        return Optional.empty();
    }

    static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
    }

    private static boolean containsIend(byte[] b) {
        for (int i = b.length - 8; i >= 8; i--) {
            if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
                return true;
            }
        }
        return false;
    }

    /** Index of the last marker FF {@code code}, or -1. */
    private static int lastIndexOf(byte[] b, byte code, int end) {
        for (int i = end - 2; i >= 0; i--) {
            if ((b[i] & 0xff) == 0xFF && b[i + 1] == code) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<long[]> jpegDimensions(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int len = be16(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF
                    && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return Optional.of(new long[] {be16(b, i + 7), be16(b, i + 5)});
            }
            if (marker == 0xDA || len < 2) {
                return Optional.empty();
            }
            i += 2 + len;
        }
        return Optional.empty();
    }

    private static long be32(byte[] b, int o) {
        return ((long) (b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16)
                | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
    }

    private static int be16(byte[] b, int o) {
        return ((b[o] & 0xff) << 8) | (b[o + 1] & 0xff);
    }

    private static int le16(byte[] b, int o) {
        return (b[o] & 0xff) | ((b[o + 1] & 0xff) << 8);
    }

    private static int le32(byte[] b, int o) {
        return (b[o] & 0xff) | ((b[o + 1] & 0xff) << 8) | ((b[o + 2] & 0xff) << 16)
                | ((b[o + 3] & 0xff) << 24);
    }
}
