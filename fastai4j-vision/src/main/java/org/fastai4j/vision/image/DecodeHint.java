package org.fastai4j.vision.image;

/**
 * Implemented by an item transform that only needs the image at a given size: when it comes
 * first, {@link ImageBlock} lets {@link ImageDecoder} decode JPEGs at 1/2, 1/4 or 1/8 scale as
 * long as the shorter side stays at least {@link #minDecodeSide()} (fast DCT scaling, close to
 * area averaging; a large photo resized to 224 decodes in about half the time).
 */
public interface DecodeHint {
    /** {@return the shorter side the decoded image must keep at least} */
    int minDecodeSide();
}
