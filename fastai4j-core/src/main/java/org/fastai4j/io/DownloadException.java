package org.fastai4j.io;

import java.io.IOException;

/** A download that failed or was not allowed (offline, HTTP error, truncated body, checksum mismatch). */
public class DownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure described by {@code message}.
     *
     * @param message what failed, naming the URL and the file
     */
    public DownloadException(String message) {
        super(message);
    }

    /**
     * A failure described by {@code message}, with its cause.
     *
     * @param message what failed, naming the URL and the file
     * @param cause the underlying exception (e.g. the connection's {@code IOException})
     */
    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
