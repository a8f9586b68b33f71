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

    /** A refusal of {@code file} for {@code reason}. */
    public InvalidWeightsFileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    /** The same, with a cause. */
    public InvalidWeightsFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** {@return the file refused (may be a description such as {@code <memory>})} */
    public Path file() {
        return file;
    }

    /** Why it was refused, without the file name. */
    public String reason() {
        return reason;
    }
}
