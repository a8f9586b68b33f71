package org.fastai4j.vision.augment;

import java.util.List;
import org.fastai4j.data.BatchTransform;

/**
 * fastai's {@code aug_transforms}: the standard batch augmentation, as {@link BatchTransform}s for
 * {@code optBatchTfms}. Flip (or dihedral), warp, rotation and zoom are merged into one {@link
 * AffineCoordTransform} (order 30, one resample per image), brightness and contrast into one
 * {@link LightingTransform} (order 40), then any extra transforms, as fastai's {@code
 * setup_aug_tfms}. fastai's defaults: {@code mult=1, do_flip=True, flip_vert=False,
 * max_rotate=10, min_zoom=1, max_zoom=1.1, max_lighting=0.2, max_warp=0.2, p_affine=0.75,
 * p_lighting=0.75, size=None, mode='bilinear', pad_mode='reflection', align_corners=True,
 * batch=False, min_scale=1}; flips always have p 0.5.
 */
public final class Augment {
    private Augment() {}

    /**
     * {@code aug_transforms()} with fastai's defaults.
     *
     * @return the affine transform (order 30) and the lighting transform (order 40)
     */
    public static List<BatchTransform> augTransforms() {
        return builder().build();
    }

    /**
     * A builder for {@code aug_transforms}' options, starting from fastai's defaults.
     *
     * @return a new builder
     */
    public static AugmentBuilder builder() {
        return new AugmentBuilder();
    }
}
