package org.fastai4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A weights file (safetensors, {@code .pth}) that is malformed, lies about its contents, or asks for
 * something refused (a pickle global outside the allowlist). The message names the file and the reason.
 */
public class InvalidWeightsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** What is wrong with the file. */
    private final String reason;

    /**
     * A refusal of {@code file} for {@code reason}; the message is {@code "<file>: <reason>"}.
     *
     * @param file the weights file refused (or a stand-in such as {@code <memory>})
     * @param reason what is wrong with it, without the file name
     */
    public InvalidWeightsFileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    /**
     * A refusal of {@code file} for {@code reason}, with the exception that revealed it.
     *
     * @param file the weights file refused (or a stand-in such as {@code <memory>})
     * @param reason what is wrong with it, without the file name
     * @param cause the underlying exception (e.g. a {@code ZipException})
     */
    public InvalidWeightsFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** {@return the file refused (may be a description such as {@code <memory>})} */
    public Path file() {
        return file;
    }

    /**
     * Why the file was refused.
     *
     * @return the reason, without the file name
     */
    public String reason() {
        return reason;
    }
}
