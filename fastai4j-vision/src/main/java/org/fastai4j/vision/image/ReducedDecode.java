package org.fastai4j.vision.image;

import org.fastai4j.data.ItemContext;
import org.opencv.core.Mat;

/**
 * Implemented by an item transform that resizes a region of the image to a fixed size (e.g.
 * {@code RandomResizedCrop}): when it comes first, {@link ImageBlock} reads the JPEG's declared
 * size, asks for the largest reduction the region allows, decodes at 1/2, 1/4 or 1/8 scale (DCT
 * scaling, several times faster on large photos) and hands over the reduced image with the full
 * size, so that the transform draws its region exactly as on the full image.
 */
public interface ReducedDecode {
    /**
     * How much smaller the image may be decoded for this item.
     *
     * @param width the image's full width
     * @param height the image's full height
     * @param ctx the context the transform gets for this item
     * @return 1, 2, 4 or 8: the largest reduction that keeps the region at least the target size
     */
    int decodeReduction(int width, int height, ItemContext ctx);

    /**
     * The transform of an image decoded at 1/{@code factor} of its full size.
     *
     * @param img the reduced image, {@code ceil(width/factor) x ceil(height/factor)}; not released
     * @param width the image's full width
     * @param height the image's full height
     * @param factor the reduction returned by {@link #decodeReduction}
     * @param ctx the context the transform gets for this item
     * @return the transformed image, a new Mat
     */
    Mat applyReduced(Mat img, int width, int height, int factor, ItemContext ctx);
}
