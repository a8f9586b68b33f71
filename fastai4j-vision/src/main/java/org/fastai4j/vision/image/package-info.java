/**
 * Image decoding: {@link org.fastai4j.vision.image.ImageDecoder} (OpenCV, every image to RGB
 * uint8, EXIF orientation applied, truncated files and decompression bombs refused with an
 * {@link org.fastai4j.vision.image.ImageDecodeException} naming the file), conversions between
 * OpenCV Mats and host tensors ({@link org.fastai4j.vision.image.Images}), and fastai's {@link
 * org.fastai4j.vision.image.ImageBlock} for {@code DataBlock}s, which decodes JPEGs at 1/2, 1/4
 * or 1/8 scale when its first item transform allows it ({@link
 * org.fastai4j.vision.image.DecodeHint}, {@link org.fastai4j.vision.image.ReducedDecode}).
 */
package org.fastai4j.vision.image;
