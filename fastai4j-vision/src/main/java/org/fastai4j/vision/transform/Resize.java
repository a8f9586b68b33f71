package org.fastai4j.vision.transform;

import java.util.Objects;
import java.util.SplittableRandom;
import org.fastai4j.core.affine.PadMode;
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

    /**
     * {@return a square resize with fastai's defaults (crop, reflection padding)}
     *
     * @param size the side of the square output
     */
    public static Resize of(int size) {
        return new Resize(size, size, ResizeMethod.CROP, PadMode.REFLECTION);
    }

    /**
     * {@return a resize to {@code height × width} (fastai's {@code size=(h, w)}) by {@code method}}
     *
     * @param height the output height
     * @param width the output width
     * @param method how the aspect ratio is reached
     */
    public static Resize of(int height, int width, ResizeMethod method) {
        return new Resize(height, width, method, PadMode.REFLECTION);
    }

    /**
     * {@return a resize with an explicit pad mode (used by {@link ResizeMethod#PAD})}
     *
     * @param height the output height
     * @param width the output width
     * @param method how the aspect ratio is reached
     * @param padMode what fills the padding
     */
    public static Resize of(int height, int width, ResizeMethod method, PadMode padMode) {
        return new Resize(height, width, method, padMode);
    }

    /** {@return the target height, in pixels} */
    public int height() {
        return height;
    }

    /** {@return the target width, in pixels} */
    public int width() {
        return width;
    }

    /** {@return how the aspect ratio is reconciled (crop, pad or squish)} */
    public ResizeMethod method() {
        return method;
    }

    /** {@return the padding mode (used by {@link ResizeMethod#PAD} only)} */
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
