/**
 * Item transforms run in loader workers on decoded images ({@link
 * org.fastai4j.vision.transform.Resize} with fastai's crop/pad/squish methods and pad modes,
 * {@link org.fastai4j.vision.transform.RandomResizedCrop}), and the basic batch transforms run on
 * the device ({@link org.fastai4j.data.IntToFloat}, order 10; {@link
 * org.fastai4j.vision.transform.Normalize}, order 99, with {@code IMAGENET_STATS}). Images stay
 * uint8 until the batch is on the device. Batch augmentation lives in {@code vision.augment}.
 */
package org.fastai4j.vision.transform;
