package org.fastai4j.core.affine;

import java.util.Locale;

/** What a sample outside the image reads, as torch's {@code grid_sample} {@code padding_mode}. */
public enum PadMode {
    /** Zero outside the image (corners outside contribute nothing). */
    ZEROS,
    /** The nearest border pixel (coordinates clamped to the image). */
    BORDER,
    /** The image mirrored at its borders, repeatedly (fastai's default). */
    REFLECTION;

    /**
     * The torch/fastai name: {@code zeros}, {@code border} or {@code reflection}.
     *
     * @return the lower-case name
     */
    public String torchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a torch/fastai name, case-insensitively.
     *
     * @param name {@code "zeros"}, {@code "border"} or {@code "reflection"}, in any letter case
     * @return the mode
     * @throws IllegalArgumentException for any other name
     */
    public static PadMode of(String name) {
        for (PadMode m : values()) {
            if (m.torchName().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "pad mode '" + name + "' is not one of zeros, border, reflection");
    }
}
