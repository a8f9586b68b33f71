package org.fastai4j.vision.transform;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fastai4j.data.ItemContext;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.vision.image.DecodeHint;
import org.opencv.core.Mat;

/**
 * fastai's {@code Resize} item transform (order 1) on a decoded RGB image:
 * <ul>
 *   <li>{@link ResizeMethod#CROP} (default): crop the largest region with the target aspect ratio,
 *       at a random position on the training set and centred on the validation set, then resize;
 *   <li>{@link ResizeMethod#PAD}: pad to the target aspect ratio (random placement on training,
 *       centred on validation, fastai's {@code pcts}), then resize;
 *   <li>{@link ResizeMethod#SQUISH}: resize the whole image.
 * </ul>
 * As fastai: with target {@code (w, h)} and image {@code (W, H)}, {@code m = W/w} if
 * {@code W/w < H/h} (crop; {@code >} for pad) else {@code H/h}; the region is
 * {@code (int(m·w), int(m·h))} at {@code (int(px·(W − cw)), int(py·(H − ch)))} where
 * {@code (px, py)} is (0.5, 0.5) on validation and two uniform draws on training.
 */
public final class Resize implements ItemTransform<Mat>, DecodeHint {
    private final int height;
    private final int width;
    private final ResizeMethod method;
    private final PadMode padMode;

    private Resize(int height, int width, ResizeMethod method, PadMode padMode) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("Resize needs a positive size, got " + height + "x"
                    + width);
        }
        this.height = height;
        this.width = width;
        this.method = Objects.requireNonNull(method, "method");
        this.padMode = Objects.requireNonNull(padMode, "padMode");
    }

    /** A square resize with fastai's defaults (crop, reflection padding). */
    public static Resize of(int size) {
        return new Resize(size, size, ResizeMethod.CROP, PadMode.REFLECTION);
    }

    /** A resize to {@code height × width} (fastai's {@code size=(h, w)}) by {@code method}. */
    public static Resize of(int height, int width, ResizeMethod method) {
        return new Resize(height, width, method, PadMode.REFLECTION);
    }

    /** A resize with an explicit pad mode (used by {@link ResizeMethod#PAD}). */
    public static Resize of(int height, int width, ResizeMethod method, PadMode padMode) {
        return new Resize(height, width, method, padMode);
    }

    /** The target height. */
    public int height() {
        return height;
    }

    /** The target width. */
    public int width() {
        return width;
    }

    /** How the aspect ratio is reconciled. */
    public ResizeMethod method() {
        return method;
    }

    /** The padding mode (for {@link ResizeMethod#PAD}). */
    public PadMode padMode() {
        return padMode;
    }

    @Override
    public Mat apply(Mat img, ItemContext ctx) {
        int w = img.cols();
        int h = img.rows();
        if (method == ResizeMethod.SQUISH) {
            return CropPad.cropPadResize(img, w, h, 0, 0, padMode, width, height);
        }
        double px = 0.5;
        double py = 0.5;
        if (ctx.training()) {
            SplittableRandom rng = new SplittableRandom(ctx.seed());
            px = rng.nextDouble();
            py = rng.nextDouble();
        }
        double rw = (double) w / width;
        double rh = (double) h / height;
        boolean useW = method == ResizeMethod.PAD ? rw > rh : rw < rh;
        double m = useW ? rw : rh;
        int cw = (int) (m * width);
        int ch = (int) (m * height);
        int left = (int) (px * (w - cw)); // Python int() truncates toward zero, as Java's cast
        int top = (int) (py * (h - ch));
        return CropPad.cropPadResize(img, cw, ch, left, top, padMode, width, height);
    }

    /** The larger target side: decoding smaller than that on the short side would lose detail. */
    @Override
    public int minDecodeSide() {
        return Math.max(height, width);
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
        return "Resize(" + height + "x" + width + ", " + method + ", " + padMode + ")";
    }
}
