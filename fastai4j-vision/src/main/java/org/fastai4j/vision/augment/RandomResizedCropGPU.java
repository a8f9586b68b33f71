package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.fastai4j.core.Seeds;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.core.affine.SampleMode;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;

/**
 * fastai's {@code RandomResizedCropGPU}: one random crop for the whole batch, resized to {@code
 * height x width} (bilinear, reflection, align corners, with fastai's area pre-shrink). Training:
 * up to 10 attempts draw an area fraction uniform in [minScale, maxScale] and a ratio
 * log-uniform in [ratioLo, ratioHi]; {@code nw = round(sqrt(area*ratio))}, {@code nh =
 * round(sqrt(area/ratio))} (half to even, as Python); the first that fits is placed uniformly.
 * Otherwise, and on validation, the largest centred crop within the ratio range (times {@code
 * validScale} on validation). Order 30; {@code aug_transforms(min_scale=...)} adds it.
 */
public final class RandomResizedCropGPU implements BatchTransform {
    private static final long SALT = 0x52524347L; // "RRCG"

    private final int height;
    private final int width;
    private final double minScale;
    private final double maxScale;
    private final double ratioLo;
    private final double ratioHi;
    private final double validScale;
    private final AffineOptions options;

    /**
     * fastai's defaults: {@code min_scale=0.08, max_scale=1, ratio=(3/4, 4/3), valid_scale=1}.
     *
     * @param size output height and width
     */
    public RandomResizedCropGPU(int size) {
        this(size, size, 0.08, 1.0, 3.0 / 4, 4.0 / 3, 1.0, SampleMode.BILINEAR);
    }

    /**
     * @param height output height
     * @param width output width
     * @param minScale smallest crop area, as a fraction of the image's
     * @param maxScale largest crop area, as a fraction of the image's
     * @param ratioLo smallest width/height ratio of the crop
     * @param ratioHi largest width/height ratio of the crop
     * @param validScale centred crop scale on validation batches
     * @param mode interpolation
     */
    public RandomResizedCropGPU(int height, int width, double minScale, double maxScale,
            double ratioLo, double ratioHi, double validScale, SampleMode mode) {
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("need 0 < minScale <= maxScale <= 1, got minScale "
                    + minScale + ", maxScale " + maxScale);
        }
        if (!(ratioLo > 0 && ratioLo <= ratioHi) || Double.isInfinite(ratioHi)) {
            throw new IllegalArgumentException(
                    "need 0 < ratioLo <= ratioHi, got " + ratioLo + ", " + ratioHi);
        }
        if (!(validScale > 0 && validScale <= 1)) {
            throw new IllegalArgumentException("validScale must be in (0, 1], got " + validScale);
        }
        this.options = new AffineOptions(height, width, mode, PadMode.REFLECTION, true, false);
        if (!options.hasSize()) {
            throw new IllegalArgumentException("RandomResizedCropGPU needs an output size");
        }
        this.height = height;
        this.width = width;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.ratioLo = ratioLo;
        this.ratioHi = ratioHi;
        this.validScale = validScale;
    }

    @Override
    public int order() {
        return AffineCoordTransform.ORDER;
    }

    @Override
    public String describe() {
        return "RandomResizedCropGPU(size=" + height + "x" + width + ", minScale=" + minScale
                + ", maxScale=" + maxScale + ", ratio=" + ratioLo + ".." + ratioHi
                + ", validScale=" + validScale + ")";
    }

    @Override
    public NDArray apply(NDArray x, BatchContext ctx) {
        Shape s = x.getShape();
        if (s.dimension() != 4 || !x.getDataType().isFloating()) {
            throw new IllegalArgumentException(describe() + " expects a float batch N x C x H x W,"
                    + " got " + x.getDataType() + " " + s);
        }
        int[] crop = crop(Math.toIntExact(s.get(2)), Math.toIntExact(s.get(3)), ctx.training(),
                ctx.seed());
        try (NDManager scope = ctx.manager().newSubManager(x.getDevice())) {
            x.tempAttach(scope);
            NDArray c = x.get(new NDIndex(":, :, {}:{}, {}:{}", crop[0], crop[0] + crop[2],
                    crop[1], crop[1] + crop[3]));
            NDArray out = Resampling.resize(c, height, width, options, scope);
            out.attach(ctx.manager());
            return out;
        }
    }

    /** The crop {top, left, height, width} for an image h x w, as fastai's before_call. */
    int[] crop(int h, int w, boolean training, long seed) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, SALT));
        for (int attempt = 0; training && attempt < 10; attempt++) {
            double area = Draws.uniform(rng, minScale, maxScale) * w * h;
            double ratio = Math.exp(Draws.uniform(rng, Math.log(ratioLo), Math.log(ratioHi)));
            int nw = (int) Math.rint(Math.sqrt(area * ratio));
            int nh = (int) Math.rint(Math.sqrt(area / ratio));
            if (nw <= w && nh <= h) {
                return new int[] {rng.nextInt(h - nh + 1), rng.nextInt(w - nw + 1), nh, nw};
            }
        }
        int ch;
        int cw;
        if ((double) w / h < ratioLo) {
            ch = (int) (w / ratioLo);
            cw = w;
        } else if ((double) w / h > ratioHi) {
            ch = h;
            cw = (int) (h * ratioHi);
        } else {
            ch = h;
            cw = w;
        }
        if (!training) {
            ch = (int) (ch * validScale);
            cw = (int) (cw * validScale);
        }
        return new int[] {(h - ch) / 2, (w - cw) / 2, ch, cw};
    }
}
