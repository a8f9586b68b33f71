/**
 * The reference workflow, step by step, as runnable programs: {@link
 * org.fastai4j.examples.Quickstart} (fromFolder, showBatch, a pretrained ResNet-34, fineTune,
 * interpretation), {@link org.fastai4j.examples.DjlDatasets} (a DJL ImageFolder, randomSplit,
 * DataLoaders.fromDatasets, a DJL transform as batch transform), {@link
 * org.fastai4j.examples.CustomModel} (a plain DJL block, {@link org.fastai4j.examples.Net}, trained
 * with fitOneCycle, then its top losses) and {@link org.fastai4j.examples.LrFinder} (lrFind, its
 * four suggestions and plot). Each has a {@code main} taking {@code --key value} options ({@code
 * --help} lists them) and a {@code run} returning an {@link org.fastai4j.examples.ExampleResult};
 * the module's README gives each command.
 */
package org.fastai4j.examples;
