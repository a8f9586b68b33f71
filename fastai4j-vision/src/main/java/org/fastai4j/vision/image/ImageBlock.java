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
        Object cur = decoder.decode(toPath(x), minDecodeSide(itemTfms));
        try {
            for (int k = 0; k < itemTfms.size(); k++) {
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
