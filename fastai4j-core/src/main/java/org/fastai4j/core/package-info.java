/**
 * The base every other package builds on, knowing nothing of images or training:
 * {@link org.fastai4j.core.Transform} (fastai's encoding function), {@link org.fastai4j.core.Seeds}
 * (reproducible per-epoch, per-item seeds), {@link org.fastai4j.core.Devices} (the default device),
 * {@link org.fastai4j.core.Formats} (numbers printed as Python prints them), the engine set-up
 * ({@link org.fastai4j.core.EngineSetup}) and giving native memory back during a run
 * ({@link org.fastai4j.core.NativeMemory}).
 * Batched affine resampling, which DJL lacks, lives in {@link org.fastai4j.core.affine}.
 */
package org.fastai4j.core;
