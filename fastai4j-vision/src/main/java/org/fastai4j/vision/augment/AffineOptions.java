package org.fastai4j.vision.augment;

import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;

/**
 * The resampling options every affine/coordinate transform shares (fastai's {@code size, mode,
 * pad_mode, align_corners, batch}).
 *
 * @param height output height, or 0 to keep the input's (fastai's {@code size=None})
 * @param width output width, or 0 to keep the input's
 * @param mode interpolation (fastai: bilinear)
 * @param padMode what samples outside the image read (fastai: reflection)
 * @param alignCorners torch's {@code align_corners} (fastai: true)
 * @param batch one draw for the whole batch instead of one per image (fastai: false)
 */
public record AffineOptions(
        int height, int width, SampleMode mode, PadMode padMode, boolean alignCorners,
        boolean batch) {

    /** fastai's defaults: input size, bilinear, reflection, align corners, per-image draws. */
    public static final AffineOptions DEFAULT =
            new AffineOptions(0, 0, SampleMode.BILINEAR, PadMode.REFLECTION, true, false);

    /**
     * Validates.
     *
     * @param height output height, or 0 to keep the input's
     * @param width output width, or 0 to keep the input's
     * @param mode interpolation
     * @param padMode padding
     * @param alignCorners torch's align_corners
     * @param batch one draw for the whole batch
     */
    public AffineOptions {
        if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
            throw new IllegalArgumentException(
                    "size must be both positive (or both 0 for the input size), got height "
                            + height + ", width " + width);
        }
        if (mode == null || padMode == null) {
            throw new IllegalArgumentException("mode and padMode must not be null");
        }
    }

    /**
     * These options with output size {@code height x width}.
     *
     * @param height output height
     * @param width output width
     * @return new options
     */
    public AffineOptions withSize(int height, int width) {
        return new AffineOptions(height, width, mode, padMode, alignCorners, batch);
    }

    /**
     * Whether an output size is set.
     *
     * @return true when height and width are positive
     */
    public boolean hasSize() {
        return height > 0;
    }
}
