package org.fastai4j.vision.transform;

import org.opencv.core.Core;

/** fastai's {@code PadMode}: what fills the padded area. */
public enum PadMode {
    /** Mirror without repeating the edge pixel (torch's {@code reflect}; fastai's default). */
    REFLECTION(Core.BORDER_REFLECT_101),
    /** Black. */
    ZEROS(Core.BORDER_CONSTANT),
    /** Repeat the edge pixel (torch's {@code replicate}/{@code border}). */
    BORDER(Core.BORDER_REPLICATE);

    private final int openCvBorder;

    PadMode(int openCvBorder) {
        this.openCvBorder = openCvBorder;
    }

    /** The OpenCV border type for {@code Core.copyMakeBorder}. */
    public int openCvBorder() {
        return openCvBorder;
    }
}
