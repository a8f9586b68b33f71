package org.fastai4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An expected digest of a file: an algorithm ({@code SHA-256} or {@code MD5}) and the expected hex digest
 * or a prefix of it (torchvision's file names carry the first 8 hex digits of the SHA-256).
 *
 * @param algorithm the {@link MessageDigest} algorithm name
 * @param hex the expected digest, or its prefix, in hex (case-insensitive)
 */
public record Checksum(String algorithm, String hex) {

    /**
     * Validates the hex and the algorithm.
     *
     * @param algorithm the {@link MessageDigest} algorithm name
     * @param hex the expected digest, or its prefix, in hex (case-insensitive)
     */
    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.isEmpty() || !hex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("checksum must be hex digits, got '" + hex + "'");
        }
        try {
            MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
        }
    }

    /**
     * {@return a SHA-256 digest or prefix}
     *
     * @param hexOrPrefix the hex digest or a prefix of it
     */
    public static Checksum sha256(String hexOrPrefix) {
        return new Checksum("SHA-256", hexOrPrefix);
    }

    /**
     * {@return an MD5 digest (fastai's dataset checks)}
     *
     * @param hex the hex digest
     */
    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    /** {@return a new digest of this algorithm} */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@return true if {@code digest} (complete) starts with the expected hex}
     *
     * @param digest the computed digest
     */
    public boolean matches(byte[] digest) {
        return HexFormat.of().formatHex(digest).startsWith(hex);
    }

    /**
     * {@return the hex digest of {@code file} with this algorithm}
     *
     * @param file the file to hash
     * @throws IOException if the file cannot be read
     */
    public String digestOf(Path file) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * {@return true if {@code file}'s digest starts with the expected hex}
     *
     * @param file the file to hash
     * @throws IOException if the file cannot be read
     */
    public boolean matches(Path file) throws IOException {
        return digestOf(file).startsWith(hex);
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
