/**
 * Batch augmentation as fastai's {@code vision.augment}: {@link
 * org.fastai4j.vision.augment.Augment#augTransforms()} and the transforms it combines ({@link
 * org.fastai4j.vision.augment.Flip}, {@link org.fastai4j.vision.augment.Dihedral}, {@link
 * org.fastai4j.vision.augment.Rotate}, {@link org.fastai4j.vision.augment.Zoom}, {@link
 * org.fastai4j.vision.augment.Warp} merged into one {@link
 * org.fastai4j.vision.augment.AffineCoordTransform} resampled once per image (on the CPU in
 * Java, one pass per image, by {@code HostAffine}/{@code HostResample}; on a GPU with {@code
 * org.fastai4j.core.affine}'s NDArray ops: the same results to float32 rounding); {@link org.fastai4j.vision.augment.Brightness} and {@link
 * org.fastai4j.vision.augment.Contrast} in logit space as one {@link
 * org.fastai4j.vision.augment.LightingTransform}; with {@code optMinScale}, a batch-wide {@link
 * org.fastai4j.vision.augment.RandomResizedCropGPU}). All run on a float batch in [0, 1] on the
 * device, draw per image from the batch seed, and do nothing on validation batches (but the
 * resize to an explicit size).
 */
package org.fastai4j.vision.augment;
