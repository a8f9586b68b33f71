package org.fastai4j.vision.transform;

import java.util.SplittableRandom;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.data.ItemContext;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.vision.image.ReducedDecode;
import org.opencv.core.Mat;

/**
 * fastai's {@code RandomResizedCrop} item transform (order 1). Training: up to 10 draws of an area
 * {@code U(minScale, maxScale)·W·H} and a ratio {@code exp(U(log r0, log r1))}, giving a crop of
 * {@code round(sqrt(area·ratio)) × round(sqrt(area/ratio))} at a uniform position when it fits;
 * otherwise the largest centred crop within the ratio range. The crop is resized to the target.
 * Validation: the whole image is resized to the target plus {@code xtra = ceil(max(w, h)·valXtra/8)·8}
 * on each side, then centre-cropped to the target.
 *
 * <p>As the first item transform of an image block it lets JPEGs decode at 1/2, 1/4 or 1/8 scale
 * when its region is that many times the target ({@link ReducedDecode}).
 */
public final class RandomResizedCrop implements ItemTransform<Mat>, ReducedDecode {
    private final int height;
    private final int width;
    private final double minScale;
    private final double maxScale;
    private final double ratioMin;
    private final double ratioMax;
    private final double valXtra;

    private RandomResizedCrop(int height, int width, double minScale, double maxScale,
            double ratioMin, double ratioMax, double valXtra) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Size must be positive, got " + height + "x" + width);
        }
        if (!(minScale > 0 && minScale <= maxScale && maxScale <= 1)) {
            throw new IllegalArgumentException("Need 0 < minScale <= maxScale <= 1, got "
                    + minScale + ", " + maxScale);
        }
        if (!(ratioMin > 0 && ratioMin <= ratioMax)) {
            throw new IllegalArgumentException("Need 0 < ratio min <= max, got " + ratioMin + ", "
                    + ratioMax);
        }
        this.height = height;
        this.width = width;
        this.minScale = minScale;
        this.maxScale = maxScale;
        this.ratioMin = ratioMin;
        this.ratioMax = ratioMax;
        this.valXtra = valXtra;
    }

    /**
     * fastai's defaults: min_scale 0.08, max_scale 1, ratio 3/4–4/3, val_xtra 0.14.
     *
     * @param size the side of the square output
     * @return the transform
     */
    public static RandomResizedCrop of(int size) {
        return of(size, size);
    }

    /**
     * {@return a {@code height × width} crop with fastai's defaults}
     *
     * @param height the output height
     * @param width the output width
     */
    public static RandomResizedCrop of(int height, int width) {
        return new RandomResizedCrop(height, width, 0.08, 1.0, 3.0 / 4, 4.0 / 3, 0.14);
    }

    /**
     * {@return a crop with every parameter given}
     *
     * @param height the output height
     * @param width the output width
     * @param minScale the smallest share of the image area cropped
     * @param maxScale the largest share of the image area cropped
     * @param ratioMin the smallest aspect ratio (width/height) of the crop
     * @param ratioMax the largest aspect ratio (width/height) of the crop
     * @param valXtra the validation margin, as a share of the target's longer side (see the class doc)
     */
    public static RandomResizedCrop of(int height, int width, double minScale, double maxScale,
            double ratioMin, double ratioMax, double valXtra) {
        return new RandomResizedCrop(height, width, minScale, maxScale, ratioMin, ratioMax,
                valXtra);
    }

    /**
     * The parameters, in {@link #of(int, int, double, double, double, double, double)} order.
     *
     * @return a new array: height, width, minScale, maxScale, ratioMin, ratioMax, valXtra
     */
    public double[] parameters() {
        return new double[] {height, width, minScale, maxScale, ratioMin, ratioMax, valXtra};
    }

    @Override
    public Mat apply(Mat img, ItemContext ctx) {
        int w = img.cols();
        int h = img.rows();
        if (!ctx.training()) {
            return validation(img);
        }
        int[] r = region(w, h, ctx);
        return CropPad.cropPadResize(img, r[2], r[3], r[0], r[1], PadMode.ZEROS, width, height);
    }

    /** Validation: resized to the target plus {@code xtra}, then centre-cropped to the target. */
    private Mat validation(Mat img) {
        int xtra = (int) Math.ceil(Math.max(width, height) * valXtra / 8) * 8;
        int fw = width + xtra;
        int fh = height + xtra;
        Mat big = CropPad.cropPadResize(img, img.cols(), img.rows(), 0, 0, PadMode.ZEROS, fw, fh);
        // fastai's crop_pad(size): centred top-left (final - size) // 2
        Mat out = CropPad.cropPadResize(big, width, height, (fw - width) / 2,
                (fh - height) / 2, PadMode.ZEROS, width, height);
        big.release();
        return out;
    }

    /** The training crop {left, top, width, height} of a {@code w x h} image for this item. */
    private int[] region(int w, int h, ItemContext ctx) {
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        for (int attempt = 0; attempt < 10; attempt++) {
            double area = (minScale + (maxScale - minScale) * rng.nextDouble()) * w * h;
            double logR = Math.log(ratioMin) + (Math.log(ratioMax) - Math.log(ratioMin))
                    * rng.nextDouble();
            double ratio = Math.exp(logR);
            int nw = (int) Math.rint(Math.sqrt(area * ratio)); // Python round: half to even
            int nh = (int) Math.rint(Math.sqrt(area / ratio));
            if (nw <= w && nh <= h) {
                int left = rng.nextInt(w - nw + 1); // random.randint is inclusive
                int top = rng.nextInt(h - nh + 1);
                return new int[] {left, top, nw, nh};
            }
        }
        int cw;
        int ch;
        double r = (double) w / h;
        if (r < ratioMin) {
            cw = w;
            ch = (int) (w / ratioMin);
        } else if (r > ratioMax) {
            cw = (int) (h * ratioMax);
            ch = h;
        } else {
            cw = w;
            ch = h;
        }
        return new int[] {(w - cw) / 2, (h - ch) / 2, cw, ch};
    }

    /**
     * The largest of 8, 4, 2 by which the region this item resizes (its training crop, or the
     * whole image resized to the target plus {@code xtra} on validation) is at least that many
     * times the target on both sides; else 1.
     *
     * @param w the image's full width
     * @param h the image's full height
     * @param ctx the item's context (its seed draws the region, as in {@link #apply})
     * @return 8, 4, 2 or 1
     */
    @Override
    public int decodeReduction(int w, int h, ItemContext ctx) {
        int rw;
        int rh;
        int needW = width;
        int needH = height;
        if (ctx.training()) {
            int[] r = region(w, h, ctx);
            rw = r[2];
            rh = r[3];
        } else {
            int xtra = (int) Math.ceil(Math.max(width, height) * valXtra / 8) * 8;
            rw = w;
            rh = h;
            needW += xtra;
            needH += xtra;
        }
        for (int f = 8; f > 1; f /= 2) {
            if (rw >= (long) f * needW && rh >= (long) f * needH) {
                return f;
            }
        }
        return 1;
    }

    /**
     * {@link #apply} on an image decoded at 1/{@code factor}: the region is drawn on the full
     * size, as {@link #apply} draws it, then its edges are mapped to the reduced image and
     * rounded to whole pixels: at most half a reduced pixel off, which is at most half an
     * output pixel since the reduced region is still at least the target size.
     *
     * @param img the image decoded at 1/{@code factor}; not released
     * @param w the image's full width
     * @param h the image's full height
     * @param factor the reduction from {@link #decodeReduction}
     * @param ctx the item's context
     * @return the crop resized to the target, a new Mat
     */
    @Override
    public Mat applyReduced(Mat img, int w, int h, int factor, ItemContext ctx) {
        if (!ctx.training()) {
            return validation(img);
        }
        int[] r = region(w, h, ctx);
        int left = (int) Math.round((double) r[0] / factor);
        int top = (int) Math.round((double) r[1] / factor);
        int right = (int) Math.min(img.cols(), Math.round((double) (r[0] + r[2]) / factor));
        int bottom = (int) Math.min(img.rows(), Math.round((double) (r[1] + r[3]) / factor));
        return CropPad.cropPadResize(img, right - left, bottom - top, left, top, PadMode.ZEROS,
                width, height);
    }

    @Override
    public Class<Mat> itemType() {
        return Mat.class;
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public String describe() {
        return "RandomResizedCrop(" + height + "x" + width + ", minScale=" + minScale + ")";
    }
}
