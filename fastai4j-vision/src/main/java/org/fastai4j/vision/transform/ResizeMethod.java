package org.fastai4j.vision.transform;

/** fastai's {@code ResizeMethod}: how {@link Resize} reaches the target aspect ratio. */
public enum ResizeMethod {
    /** Crop the largest region of the target aspect ratio, then resize (fastai's default). */
    CROP,
    /** Pad to the target aspect ratio (see {@link org.fastai4j.core.affine.PadMode}), then resize. */
    PAD,
    /** Resize the whole image to the target size, changing its aspect ratio. */
    SQUISH
}
