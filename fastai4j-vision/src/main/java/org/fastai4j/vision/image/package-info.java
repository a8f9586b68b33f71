/**
 * Image decoding: {@link org.fastai4j.vision.image.ImageDecoder} (OpenCV, every image to RGB
 * uint8, EXIF orientation applied, truncated files and decompression bombs refused with an
 * {@link org.fastai4j.vision.image.ImageDecodeException} naming the file), conversions between
 * OpenCV Mats and host tensors ({@link org.fastai4j.vision.image.Images}), and fastai's {@link
 * org.fastai4j.vision.image.ImageBlock} for {@code DataBlock}s.
 */
package org.fastai4j.vision.image;
