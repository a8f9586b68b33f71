/**
 * fastai4j's benchmarks, each a {@code main} class run by {@code benchmarks/run.sh NAME}:
 * {@link org.fastai4j.benchmarks.EndToEnd} (the Fashion-MNIST recipe against fastai),
 * {@link org.fastai4j.benchmarks.StepOverhead} (the Learner against a bare DJL loop),
 * {@link org.fastai4j.benchmarks.EngineStep} (a bare DJL training step against PyTorch from Python),
 * {@link org.fastai4j.benchmarks.LoaderBench} (JPEG decode, RandomResizedCrop and augmentation
 * against fastai's DataLoader) and {@link org.fastai4j.benchmarks.MemoryBench} (resident memory
 * and live NDArrays over 20 epochs). Each prints one line for people and one {@code JSON ...}
 * line; {@code benchmarks/README.md} lists the commands and the figures measured.
 */
package org.fastai4j.benchmarks;
