package org.fastai4j.vision.augment;

import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;
import org.fastai4j.data.BatchTransform;

/**
 * fastai's {@code aug_transforms}: the standard batch augmentation, as {@link BatchTransform}s for
 * {@code optBatchTfms}. Flip (or dihedral), warp, rotation and zoom are merged into one {@link
 * AffineCoordTransform} (order 30, one resample per image), brightness and contrast into one
 * {@link LightingTransform} (order 40), then any extra transforms, as fastai's {@code
 * setup_aug_tfms}. fastai's defaults: {@code mult=1, do_flip=True, flip_vert=False,
 * max_rotate=10, min_zoom=1, max_zoom=1.1, max_lighting=0.2, max_warp=0.2, p_affine=0.75,
 * p_lighting=0.75, size=None, mode='bilinear', pad_mode='reflection', align_corners=True,
 * batch=False}; flips always have p 0.5.
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
    public static Builder builder() {
        return new Builder();
    }

    /** The options of {@code aug_transforms}; {@link #build()} validates and builds the list. */
    public static final class Builder {
        private double mult = 1;
        private boolean doFlip = true;
        private boolean flipVert;
        private double maxRotate = 10;
        private double minZoom = 1;
        private double maxZoom = 1.1;
        private double maxLighting = 0.2;
        private double maxWarp = 0.2;
        private double pAffine = 0.75;
        private double pLighting = 0.75;
        private final List<BatchTransform> xtraTfms = new ArrayList<>();
        private int height;
        private int width;
        private SampleMode mode = SampleMode.BILINEAR;
        private PadMode padMode = PadMode.REFLECTION;
        private boolean alignCorners = true;
        private boolean batch;

        private Builder() {}

        /**
         * Multiplies maxRotate, maxLighting and maxWarp (default 1).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMult(double v) {
            mult = v;
            return this;
        }

        /**
         * Random flips (default true).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optDoFlip(boolean v) {
            doFlip = v;
            return this;
        }

        /**
         * Vertical flips too, i.e. dihedral symmetries instead of left-right flips (default false).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optFlipVert(boolean v) {
            flipVert = v;
            return this;
        }

        /**
         * Largest rotation in degrees (default 10; 0 disables).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMaxRotate(double v) {
            maxRotate = v;
            return this;
        }

        /**
         * Smallest zoom (default 1).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMinZoom(double v) {
            minZoom = v;
            return this;
        }

        /**
         * Largest zoom (default 1.1; zoom is off when min and max are 1).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMaxZoom(double v) {
            maxZoom = v;
            return this;
        }

        /**
         * Largest brightness/contrast change (default 0.2; 0 disables).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMaxLighting(double v) {
            maxLighting = v;
            return this;
        }

        /**
         * Largest warp (default 0.2; 0 disables).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMaxWarp(double v) {
            maxWarp = v;
            return this;
        }

        /**
         * Probability of each affine/warp component per image (default 0.75).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optPAffine(double v) {
            pAffine = v;
            return this;
        }

        /**
         * Probability of each lighting component per image (default 0.75).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optPLighting(double v) {
            pLighting = v;
            return this;
        }

        /**
         * Adds an extra transform, placed after the affine and lighting ones.
         *
         * @param t the transform
         * @return this builder
         */
        public Builder addXtraTfm(BatchTransform t) {
            if (t == null) {
                throw new IllegalArgumentException("xtra transform must not be null");
            }
            xtraTfms.add(t);
            return this;
        }

        /**
         * Square output size (default: the input's).
         *
         * @param size height and width
         * @return this builder
         */
        public Builder optSize(int size) {
            return optSize(size, size);
        }

        /**
         * Output size {@code height x width} (default: the input's).
         *
         * @param height output height
         * @param width output width
         * @return this builder
         */
        public Builder optSize(int height, int width) {
            this.height = height;
            this.width = width;
            return this;
        }

        /**
         * Interpolation (default bilinear).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optMode(SampleMode v) {
            mode = v;
            return this;
        }

        /**
         * Padding (default reflection).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optPadMode(PadMode v) {
            padMode = v;
            return this;
        }

        /**
         * torch's align_corners (default true).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optAlignCorners(boolean v) {
            alignCorners = v;
            return this;
        }

        /**
         * One draw for the whole batch instead of one per image (default false).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optBatch(boolean v) {
            batch = v;
            return this;
        }

        /**
         * Validates the options and builds the transforms.
         *
         * @return an immutable list: the merged affine transform, the merged lighting transform
         *     (each when any of its parts is on), then the extra transforms
         * @throws IllegalArgumentException naming the first bad option
         */
        public List<BatchTransform> build() {
            if (!(mult >= 0) || Double.isInfinite(mult)) {
                throw new IllegalArgumentException("mult must be finite and >= 0, got " + mult);
            }
            Draws.probability("pAffine", pAffine);
            Draws.probability("pLighting", pLighting);
            AffineOptions opts = new AffineOptions(height, width, mode, padMode, alignCorners, batch);
            double rotate = maxRotate * mult;
            double lighting = maxLighting * mult;
            double warp = maxWarp * mult;
            List<AffineCoordTransform> aff = new ArrayList<>();
            if (doFlip) {
                aff.add(flipVert ? new Dihedral(0.5, opts) : new Flip(0.5, opts));
            }
            if (warp != 0) {
                aff.add(new Warp(warp, pAffine, opts));
            }
            if (rotate != 0) {
                aff.add(new Rotate(rotate, pAffine, opts));
            }
            if (minZoom < 1 || maxZoom > 1) {
                aff.add(new Zoom(minZoom, maxZoom, pAffine, opts));
            }
            List<BatchTransform> res = new ArrayList<>();
            if (!aff.isEmpty()) {
                AffineCoordTransform merged = aff.get(0);
                for (int i = 1; i < aff.size(); i++) {
                    merged = merged.compose(aff.get(i));
                }
                res.add(merged);
            }
            if (lighting != 0) {
                res.add(new Brightness(lighting, pLighting, batch)
                        .compose(new Contrast(lighting, pLighting, batch)));
            }
            res.addAll(xtraTfms);
            return List.copyOf(res);
        }
    }
}
