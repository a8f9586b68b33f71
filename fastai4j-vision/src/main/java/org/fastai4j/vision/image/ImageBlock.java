package org.fastai4j.vision.image;

import ai.djl.ndarray.types.DataType;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fastai4j.core.Seeds;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.HostTensor;
import org.fastai4j.data.InputBlock;
import org.fastai4j.data.ItemContext;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.data.IntToFloat;
import org.opencv.core.Mat;

/**
 * fastai's {@code ImageBlock}: an input that is an image file ({@link Path}, {@link File} or path
 * string), decoded by {@link ImageDecoder} to RGB, passed through the item transforms, and handed
 * to the loader as a 3×H×W uint8 host tensor; adds {@link IntToFloat} to the batch transforms.
 *
 * <p>Item transforms may work on OpenCV {@link Mat}s (RGB H×W×3, e.g. {@code Resize}) or on
 * {@link HostTensor}s in DJL's image layout H×W×3 (e.g. a DJL {@code Transform} adapted with
 * {@code DjlTransforms.item}); the block converts between the two as needed. At the end an H×W×3
 * uint8 tensor becomes 3×H×W; any other tensor (e.g. DJL's {@code ToTensor} output, float C×H×W)
 * is kept as it is. Transform {@code k} of the list draws from {@code Seeds.derive(itemSeed, k)}.
 *
 * <p>JPEGs decode at a reduced scale when the first transform allows it: a {@link ReducedDecode}
 * (e.g. {@code RandomResizedCrop}) for the region it draws, or a {@link DecodeHint} (e.g. {@code
 * Resize}) for its target size.
 */
public final class ImageBlock implements InputBlock {
    private final ImageDecoder decoder;

    private ImageBlock(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    /** {@return a block with the standard decoder} */
    public static ImageBlock create() {
        return new ImageBlock(ImageDecoder.standard());
    }

    /**
     * {@return a block with a given decoder (e.g. another pixel limit)}
     *
     * @param decoder the decoder of the image files, e.g. {@code new ImageDecoder(maxPixels)}
     */
    public static ImageBlock create(ImageDecoder decoder) {
        return new ImageBlock(decoder);
    }

    static Path toPath(Object x) {
        if (x instanceof Path p) {
            return p;
        }
        if (x instanceof File f) {
            return f.toPath();
        }
        if (x instanceof String s) {
            return Path.of(s);
        }
        throw new IllegalArgumentException("An image block needs a file path, got " + x);
    }

    @Override
    @SuppressWarnings("unchecked")
    public HostTensor load(Object x, List<ItemTransform<?>> itemTfms, ItemContext ctx)
            throws Exception {
        Path file = toPath(x);
        byte[] bytes = ImageDecoder.read(file);
        Object cur = null;
        int first = 0;
        if (!itemTfms.isEmpty() && itemTfms.get(0) instanceof ReducedDecode rd
                && itemTfms.get(0).itemType() == Mat.class) {
            cur = decodeReduced(bytes, file, rd, new ItemContext(Seeds.derive(ctx.seed(), 0),
                    ctx.training()));
            first = cur == null ? 0 : 1;
        }
        if (cur == null) {
            cur = decoder.decode(bytes, file, minDecodeSide(itemTfms));
        }
        try {
            for (int k = first; k < itemTfms.size(); k++) {
                ItemTransform<?> t = itemTfms.get(k);
                ItemContext c = new ItemContext(Seeds.derive(ctx.seed(), k), ctx.training());
                if (t.itemType() == Mat.class) {
                    Mat in = toMat(cur);
                    cur = in;
                    Mat out = ((ItemTransform<Mat>) t).apply(in, c);
                    if (out != in) {
                        in.release();
                    }
                    cur = out;
                } else if (t.itemType() == HostTensor.class) {
                    cur = ((ItemTransform<HostTensor>) t).apply(toTensor(cur), c);
                } else {
                    throw new IllegalArgumentException("Item transform " + t.describe()
                            + " works on " + t.itemType().getSimpleName()
                            + "; an image block handles OpenCV Mat and HostTensor transforms");
                }
            }
            if (cur instanceof Mat m) {
                return Images.toChw(m);
            }
            HostTensor t = (HostTensor) cur;
            if (isHwcImage(t)) {
                return Images.hwcToChw(t);
            }
            return t;
        } finally {
            if (cur instanceof Mat m) {
                m.release();
            }
        }
    }

    /**
     * The first transform {@code rd} applied to a JPEG decoded at the reduction it allows, or
     * null (decode at full size) when it allows none or the file is not a JPEG with a readable
     * size. An EXIF rotation that swaps the sides is detected from the decoded size; when the
     * rotated image allows less reduction, null.
     */
    private Mat decodeReduced(byte[] bytes, Path file, ReducedDecode rd, ItemContext c)
            throws ImageDecodeException {
        Optional<long[]> dims = ImageHeader.isJpeg(bytes) ? ImageHeader.dimensions(bytes)
                : Optional.empty();
        if (dims.isEmpty() || dims.get()[0] > Integer.MAX_VALUE || dims.get()[1] > Integer.MAX_VALUE) {
            return null;
        }
        int w = (int) dims.get()[0];
        int h = (int) dims.get()[1];
        int f = rd.decodeReduction(w, h, c);
        if (f == 1) {
            return null;
        }
        Mat m = decoder.decodeScaled(bytes, file, f);
        try {
            boolean upright = m.cols() == ceilDiv(w, f) && m.rows() == ceilDiv(h, f);
            boolean turned = m.cols() == ceilDiv(h, f) && m.rows() == ceilDiv(w, f);
            if (upright) {
                return rd.applyReduced(m, w, h, f, c);
            }
            if (turned && rd.decodeReduction(h, w, c) >= f) {
                return rd.applyReduced(m, h, w, f, c);
            }
            return null;
        } finally {
            m.release();
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * How small the decoded image may be: when the first transform is a {@link DecodeHint} (e.g.
     * {@code Resize}), its minimum side; otherwise 0 (full size).
     */
    static int minDecodeSide(List<ItemTransform<?>> itemTfms) {
        if (!itemTfms.isEmpty() && itemTfms.get(0) instanceof DecodeHint hint) {
            return hint.minDecodeSide();
        }
        return 0;
    }

    private static boolean isHwcImage(HostTensor t) {
        return t.dataType() == DataType.UINT8 && t.shape().dimension() == 3
                && t.shape().get(2) == 3;
    }

    private static Mat toMat(Object cur) {
        if (cur instanceof Mat m) {
            return m;
        }
        return Images.fromHwc((HostTensor) cur);
    }

    private static HostTensor toTensor(Object cur) {
        if (cur instanceof Mat m) {
            HostTensor t = Images.toHwc(m);
            m.release();
            return t;
        }
        return (HostTensor) cur;
    }

    @Override
    public List<BatchTransform> batchTfms() {
        return List.of(IntToFloat.create());
    }

    @Override
    public Optional<String> check(Object x) {
        return decoder.check(toPath(x));
    }

    @Override
    public String describe(Object x) {
        return String.valueOf(x);
    }
}
