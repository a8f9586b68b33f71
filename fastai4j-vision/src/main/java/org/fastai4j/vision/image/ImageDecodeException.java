package org.fastai4j.vision.image;

import java.io.IOException;
import java.nio.file.Path;

/** An image file cannot be decoded (empty, truncated, not an image, too many pixels); names the file. */
public class ImageDecodeException extends IOException {
    private static final long serialVersionUID = 1L;
    /** The file that could not be decoded. */
    private final String file;

    /**
     * A failure to decode {@code file} because of {@code reason}; the message is
     * {@code Cannot decode image <file>: <reason>}.
     *
     * @param file the image file that failed (may be null when the bytes came from elsewhere)
     * @param reason what is wrong with it, e.g. "the file is empty (0 bytes)"
     */
    public ImageDecodeException(Path file, String reason) {
        super("Cannot decode image " + file + ": " + reason);
        this.file = String.valueOf(file);
    }

    /**
     * As {@link #ImageDecodeException(Path, String)}, with a cause.
     *
     * @param file the image file that failed (may be null when the bytes came from elsewhere)
     * @param reason what is wrong with it
     * @param cause the underlying failure (an {@code IOException} reading it, an OpenCV error...)
     */
    public ImageDecodeException(Path file, String reason, Throwable cause) {
        super("Cannot decode image " + file + ": " + reason, cause);
        this.file = String.valueOf(file);
    }

    /** {@return the file that failed} */
    public String file() {
        return file;
    }
}
