package org.fastai4j.vision.augment;

import java.util.ArrayList;
import java.util.List;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;
import org.fastai4j.data.BatchTransform;

/**
 * The options of fastai's {@code aug_transforms} ({@link Augment#builder()}), starting from fastai's
 * defaults; {@link #build()} validates them and builds the transforms.
 */
public final class AugmentBuilder {
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
    private double minScale = 1;

    AugmentBuilder() {}

    /**
     * Multiplies maxRotate, maxLighting and maxWarp (default 1).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optMult(double v) {
        mult = v;
        return this;
    }

    /**
     * Random flips (default true).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optDoFlip(boolean v) {
        doFlip = v;
        return this;
    }

    /**
     * Vertical flips too, i.e. dihedral symmetries instead of left-right flips (default false).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optFlipVert(boolean v) {
        flipVert = v;
        return this;
    }

    /**
     * Largest rotation in degrees (default 10; 0 disables).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optMaxRotate(double v) {
        maxRotate = v;
        return this;
    }

    /**
     * Smallest zoom (default 1).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optMinZoom(double v) {
        minZoom = v;
        return this;
    }

    /**
     * Largest zoom (default 1.1; zoom is off when min and max are 1).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optMaxZoom(double v) {
        maxZoom = v;
        return this;
    }

    /**
     * Largest brightness/contrast change (default 0.2; 0 disables).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optMaxLighting(double v) {
        maxLighting = v;
        return this;
    }

    /**
     * Largest warp (default 0.2; 0 disables).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optMaxWarp(double v) {
        maxWarp = v;
        return this;
    }

    /**
     * Probability of each affine/warp component per image (default 0.75).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optPAffine(double v) {
        pAffine = v;
        return this;
    }

    /**
     * Probability of each lighting component per image (default 0.75).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optPLighting(double v) {
        pLighting = v;
        return this;
    }

    /**
     * Adds an extra transform, placed after the affine and lighting ones.
     *
     * @param t the transform
     * @return this builder
     */
    public AugmentBuilder addXtraTfm(BatchTransform t) {
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
    public AugmentBuilder optSize(int size) {
        return optSize(size, size);
    }

    /**
     * Output size {@code height x width} (default: the input's).
     *
     * @param height output height
     * @param width output width
     * @return this builder
     */
    public AugmentBuilder optSize(int height, int width) {
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
    public AugmentBuilder optMode(SampleMode v) {
        mode = v;
        return this;
    }

    /**
     * Padding (default reflection).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optPadMode(PadMode v) {
        padMode = v;
        return this;
    }

    /**
     * torch's align_corners (default true).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optAlignCorners(boolean v) {
        alignCorners = v;
        return this;
    }

    /**
     * One draw for the whole batch instead of one per image (default false).
     *
     * @param v the value
     * @return this builder
     */
    public AugmentBuilder optBatch(boolean v) {
        batch = v;
        return this;
    }

    /**
     * Minimum crop area fraction (default 1: no crop). Below 1, a {@link RandomResizedCropGPU}
     * to the output size (ratio 1) is added before the extra transforms and the affine
     * transform keeps the input size, as fastai; needs {@link #optSize(int, int)}.
     *
     * @param v the fraction, in (0, 1]
     * @return this builder
     */
    public AugmentBuilder optMinScale(double v) {
        minScale = v;
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
        if (!(minScale > 0 && minScale <= 1)) {
            throw new IllegalArgumentException("minScale must be in (0, 1], got " + minScale);
        }
        if (minScale != 1 && height == 0) {
            throw new IllegalArgumentException("minScale " + minScale + " needs optSize");
        }
        AffineOptions opts = new AffineOptions(height, width, mode, padMode, alignCorners, batch);
        if (minScale != 1) {
            opts = new AffineOptions(0, 0, mode, padMode, alignCorners, batch);
        }
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
        if (minScale != 1) {
            res.add(new RandomResizedCropGPU(height, width, minScale, 1, 1, 1, 1, mode));
        }
        res.addAll(xtraTfms);
        return List.copyOf(res);
    }
}
