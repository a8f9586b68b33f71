/**
 * Batched affine resampling written from DJL NDArray ops, which DJL lacks: {@link
 * org.fastai4j.core.affine.AffineGrid} (torch's {@code F.affine_grid}) builds sampling grids from
 * per-image 2&times;3 matrices, and {@link org.fastai4j.core.affine.GridSample} (torch's {@code
 * F.grid_sample}) samples a batch at a grid, bilinear or nearest, with {@link
 * org.fastai4j.core.affine.PadMode reflection, zeros or border} padding. Both are vectorised over
 * the batch (gathers on the flattened spatial axis, no per-pixel Java loop) and match torch to
 * float32 rounding. Nothing here knows about images or randomness: the vision augmentation
 * ({@code org.fastai4j.vision.augment}) draws the matrices.
 */
package org.fastai4j.core.affine;
