package org.fastai4j.vision.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes any image file into an RGB, 8-bit, 3-channel OpenCV {@link Mat} (H×W×3, {@code
 * CV_8UC3}): grayscale and palette images are expanded, alpha is dropped, CMYK JPEGs converted,
 * 16-bit PNGs scaled to 8 bits (high byte), EXIF orientation applied (OpenCV's {@code
 * IMREAD_COLOR}). Formats OpenCV cannot read (GIF) go through ImageIO. Refuses, with an {@link
 * ImageDecodeException} naming the file: empty files, truncated JPEG/PNG data (which OpenCV would
 * decode silently, filling the rest), images declaring more than {@code maxPixels} pixels (before
 * decoding), and anything that is not an image. Thread-safe; the caller releases the Mat.
 */
public final class ImageDecoder {
    /** PIL's decompression-bomb error threshold (2 × {@code MAX_IMAGE_PIXELS}). */
    public static final long DEFAULT_MAX_PIXELS = 178_956_970L;

    private static final ImageDecoder STANDARD = new ImageDecoder(DEFAULT_MAX_PIXELS);
    private static final ThreadLocal<MatOfByte> FILE_BUFFER = ThreadLocal.withInitial(() -> {
        OpenCv.load();
        return new MatOfByte();
    });

    private final long maxPixels;

    /**
     * A decoder refusing images of more than {@code maxPixels} pixels.
     *
     * @param maxPixels the largest number of pixels accepted
     */
    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
        OpenCv.load();
    }

    /** {@return the decoder with {@link #DEFAULT_MAX_PIXELS}} */
    public static ImageDecoder standard() {
        return STANDARD;
    }

    /**
     * Reads and decodes {@code file}.
     *
     * @param file the image file (named in errors)
     * @return the image: RGB, 8-bit, 3 channels; the caller releases it
     * @throws IOException an {@link ImageDecodeException} naming the file if it cannot be read, is
     *     empty, truncated, not an image, or declares more pixels than the limit
     */
    public Mat decode(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot read the file (" + e + ")", e);
        }
        return decode(bytes, file);
    }

    /**
     * Reads and decodes {@code file}, at a reduced scale (1/2, 1/4 or 1/8, JPEG's fast DCT
     * scaling) when the image is that many times larger than {@code minSide} on its shorter side;
     * other formats decode at full size.
     *
     * @param file the image file (named in errors)
     * @param minSide the shorter side the decoded image must keep at least, in pixels; 0 or less
     *     decodes at full size
     * @return the image: RGB, 8-bit, 3 channels; the caller releases it
     * @throws IOException an {@link ImageDecodeException} naming the file if it cannot be read, is
     *     empty, truncated, not an image, or declares more pixels than the limit
     */
    public Mat decode(Path file, int minSide) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot read the file (" + e + ")", e);
        }
        return decode(bytes, file, minSide);
    }

    /**
     * Decodes {@code bytes}; {@code file} names them in errors.
     *
     * @param bytes the encoded image
     * @param file the image file (named in errors)
     * @return the image: RGB, 8-bit, 3 channels; the caller releases it
     * @throws ImageDecodeException if the bytes are empty, truncated, not an image, or declare more
     *     pixels than the limit
     */
    public Mat decode(byte[] bytes, Path file) throws ImageDecodeException {
        return decode(bytes, file, 0);
    }

    /** The OpenCV read flag for an image of declared size {@code wh} and a wanted min side. */
    static int readFlag(Optional<long[]> wh, boolean jpeg, int minSide) {
        if (!jpeg || minSide <= 0 || wh.isEmpty()) {
            return Imgcodecs.IMREAD_COLOR;
        }
        long shorter = Math.min(wh.get()[0], wh.get()[1]);
        if (shorter / 8 >= minSide) {
            return Imgcodecs.IMREAD_REDUCED_COLOR_8;
        }
        if (shorter / 4 >= minSide) {
            return Imgcodecs.IMREAD_REDUCED_COLOR_4;
        }
        if (shorter / 2 >= minSide) {
            return Imgcodecs.IMREAD_REDUCED_COLOR_2;
        }
        return Imgcodecs.IMREAD_COLOR;
    }

    /**
     * Decodes {@code bytes}, reduced as {@link #decode(Path, int)}; {@code file} names them.
     *
     * @param bytes the encoded image
     * @param file the image file (named in errors)
     * @param minSide the shorter side the decoded image must keep at least, in pixels; 0 or less
     *     decodes at full size
     * @return the image: RGB, 8-bit, 3 channels; the caller releases it
     * @throws ImageDecodeException if the bytes are empty, truncated, not an image, or declare more
     *     pixels than the limit
     */
    public Mat decode(byte[] bytes, Path file, int minSide) throws ImageDecodeException {
        return decodeWith(bytes, file, dims -> readFlag(dims, ImageHeader.isJpeg(bytes), minSide));
    }

    /**
     * Decodes {@code bytes} at 1/{@code factor} of their declared size when they are a JPEG
     * (libjpeg's DCT scaling: {@code ceil(W/factor) x ceil(H/factor)}); other formats at full size.
     */
    Mat decodeScaled(byte[] bytes, Path file, int factor) throws ImageDecodeException {
        int flag = switch (factor) {
            case 1 -> Imgcodecs.IMREAD_COLOR;
            case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
            case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
            default -> throw new IllegalArgumentException("factor must be 1, 2, 4 or 8, got " + factor);
        };
        return decodeWith(bytes, file, dims -> ImageHeader.isJpeg(bytes) ? flag : Imgcodecs.IMREAD_COLOR);
    }

    /** The bytes of {@code file}, or an {@link ImageDecodeException} naming it. */
    static byte[] read(Path file) throws ImageDecodeException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ImageDecodeException(file, "cannot read the file (" + e + ")", e);
        }
    }

    private Mat decodeWith(byte[] bytes, Path file, ToIntFunction<Optional<long[]>> readFlag)
            throws ImageDecodeException {
        if (bytes.length == 0) {
            throw new ImageDecodeException(file, "the file is empty (0 bytes)");
        }
        Optional<String> truncated = ImageHeader.truncation(bytes);
        if (truncated.isPresent()) {
            throw new ImageDecodeException(file, truncated.get());
        }
        Optional<long[]> dims = ImageHeader.dimensions(bytes);
        if (dims.isPresent()) {
            long[] wh = dims.get();
            if (wh[0] * wh[1] > maxPixels) {
                throw new ImageDecodeException(file, "it declares " + wh[0] + "x" + wh[1] + " = "
                        + wh[0] * wh[1] + " pixels, over the limit of " + maxPixels
                        + " (a decompression bomb?)");
            }
        }
        Mat bgr;
        // one file buffer header per thread: an OpenCV Mat's native header is freed only by the
        // garbage collector (its finalizer), so a new one per image holds native memory until a GC
        MatOfByte buf = FILE_BUFFER.get();
        buf.fromArray(bytes);
        try {
            bgr = Imgcodecs.imdecode(buf, readFlag.applyAsInt(dims));
        } catch (CvException e) {
            throw new ImageDecodeException(file, "OpenCV refused it (" + firstLine(e) + ")", e);
        } finally {
            buf.release();
        }
        if (bgr.empty()) {
            bgr.release();
            return decodeWithImageIo(bytes, file);
        }
        Imgproc.cvtColor(bgr, bgr, Imgproc.COLOR_BGR2RGB); // in place: no second header
        return bgr;
    }

    /**
     * Why {@code file} cannot be decoded, or empty when it decodes. Large JPEGs are checked at a
     * reduced scale (every byte is still entropy-decoded, so corruption still shows).
     *
     * @param file the image file (named in errors)
     * @return the reason, or empty when the file decodes
     */
    public Optional<String> check(Path file) {
        try {
            decode(file, 32).release();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("Cannot decode image " + file + ": " + e);
        }
    }

    private Mat decodeWithImageIo(byte[] bytes, Path file) throws ImageDecodeException {
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException(file, "not a decodable image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new ImageDecodeException(file, "not a decodable image (unknown or corrupt format)");
        }
        if ((long) img.getWidth() * img.getHeight() > maxPixels) {
            throw new ImageDecodeException(file, "it has " + img.getWidth() + "x" + img.getHeight()
                    + " pixels, over the limit of " + maxPixels);
        }
        return fromBufferedImage(img);
    }

    /**
     * {@return a new 8-bit RGB Mat with the pixels of {@code img} in sRGB (alpha dropped); the caller releases it}
     *
     * @param img a Java2D image of any type (gray, RGB, ARGB, indexed...); not changed
     */
    public static Mat fromBufferedImage(BufferedImage img) {
        OpenCv.load();
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] data = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int o = (y * w + x) * 3;
                data[o] = (byte) (p >> 16);
                data[o + 1] = (byte) (p >> 8);
                data[o + 2] = (byte) p;
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, data);
        return m;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
