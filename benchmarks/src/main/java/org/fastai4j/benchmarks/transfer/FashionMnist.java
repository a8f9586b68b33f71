package org.fastai4j.benchmarks.transfer;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Fashion-MNIST's IDX files (as Debian's {@code dataset-fashion-mnist} installs them in
 * {@code /usr/share/datasets/fashion-mnist}) written as an image folder
 * {@code out/<class>/NNNNN.png}, for a chosen subset of classes and at most {@code perClass}
 * images each, taken in file order (the same images {@code fmnist_to_png.py} writes).
 */
public final class FashionMnist {

    /** The ten class names, in label order, as folder names. */
    public static final List<String> CLASSES = List.of("T-shirt_top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle_boot");

    private static final int SIDE = 28;

    private FashionMnist() {}

    /**
     * Writes the images of {@code classes} from the {@code kind} split ({@code train} or {@code t10k})
     * of the IDX files in {@code dir} to {@code out/<class>/}, at most {@code perClass} per class.
     * Each image is a 28×28 grayscale PNG named by its 5-digit index in the IDX file.
     *
     * @param dir the folder holding {@code <kind>-labels-idx1-ubyte.gz} and
     *     {@code <kind>-images-idx3-ubyte.gz}
     * @param kind {@code train} (60,000 images) or {@code t10k} (the 10,000 test images)
     * @param classes the classes to write, names from {@link #CLASSES}
     * @param perClass the most images written per class, at least 1; fewer when the split has fewer
     * @param out the folder that receives one sub-folder per class (created if needed)
     * @return the number of images written per class
     * @throws IllegalArgumentException if a class is unknown or {@code perClass} is below 1
     * @throws java.nio.file.NoSuchFileException if an IDX file is missing
     * @throws IOException if an IDX file is malformed or truncated, or an image cannot be written
     */
    public static Map<String, Integer> writeFolder(Path dir, String kind, List<String> classes, int perClass,
            Path out) throws IOException {
        for (String c : classes) {
            if (!CLASSES.contains(c)) {
                throw new IllegalArgumentException("Unknown Fashion-MNIST class '" + c + "'; expected one of " + CLASSES);
            }
        }
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be at least 1, got " + perClass);
        }
        byte[] labels = readIdx(dir.resolve(kind + "-labels-idx1-ubyte.gz"), 0x801);
        byte[] pixels = readIdx(dir.resolve(kind + "-images-idx3-ubyte.gz"), 0x803);
        if (pixels.length != labels.length * SIDE * SIDE) {
            throw new IOException("Fashion-MNIST " + kind + " in " + dir + ": " + labels.length + " labels but "
                    + pixels.length + " pixel bytes (expected " + labels.length * SIDE * SIDE + ")");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String c : classes) {
            Files.createDirectories(out.resolve(c));
            counts.put(c, 0);
        }
        for (int i = 0; i < labels.length; i++) {
            String c = CLASSES.get(labels[i] & 0xff);
            Integer n = counts.get(c);
            if (n == null || n >= perClass) {
                continue;
            }
            BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, SIDE, SIDE, java.util.Arrays.copyOfRange(pixels,
                    i * SIDE * SIDE, (i + 1) * SIDE * SIDE));
            ImageIO.write(img, "png", out.resolve(c).resolve(String.format("%05d.png", i)).toFile());
            counts.put(c, n + 1);
        }
        return counts;
    }

    /** The payload of a gzipped IDX file with the given magic number (labels 0x801, images 0x803). */
    static byte[] readIdx(Path file, int magic) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    "Fashion-MNIST file not found (install Debian's dataset-fashion-mnist or pass --fmnist DIR)");
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            int m = in.readInt();
            if (m != magic) {
                throw new IOException(file + ": IDX magic 0x" + Integer.toHexString(m) + ", expected 0x"
                        + Integer.toHexString(magic));
            }
            int dims = magic & 0xff;
            long size = 1;
            for (int d = 0; d < dims; d++) {
                size *= in.readInt();
            }
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": " + size + " bytes is too large");
            }
            byte[] data = in.readNBytes((int) size);
            if (data.length != size) {
                throw new IOException(file + ": truncated, " + data.length + " of " + size + " bytes");
            }
            return data;
        }
    }
}
