package org.fastai4j.core.affine;

import java.util.Locale;

/** How a sample between pixels is read, as torch's {@code grid_sample} {@code mode}. */
public enum SampleMode {
    /** Weighted mean of the four surrounding pixels (fastai's default for images). */
    BILINEAR,
    /** The nearest pixel, ties rounded to even as torch does (fastai's default for masks). */
    NEAREST;

    /**
     * The torch/fastai name: {@code bilinear} or {@code nearest}.
     *
     * @return the lower-case name
     */
    public String torchName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a torch/fastai name, case-insensitively.
     *
     * @param name {@code "bilinear"} or {@code "nearest"}, in any letter case
     * @return the mode
     * @throws IllegalArgumentException for any other name
     */
    public static SampleMode of(String name) {
        for (SampleMode m : values()) {
            if (m.torchName().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("sample mode '" + name + "' is not one of bilinear, nearest");
    }
}
