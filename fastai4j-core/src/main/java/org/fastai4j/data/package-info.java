/**
 * Data: fastai's mid-level data API.
 *
 * <ul>
 *   <li>{@link org.fastai4j.data.DataLoader} / {@link org.fastai4j.data.DataLoaders}: the
 *       contracts; {@link org.fastai4j.data.ThreadedDataLoader} implements them over an
 *       {@link org.fastai4j.data.ItemSource}: worker threads (default min(cores, 4)) load and
 *       item-transform items into host buffers ({@link org.fastai4j.data.HostTensor}, no NDArrays
 *       cross threads), at most a few batches ahead, delivered in order; the consumer stacks one
 *       batch into one direct buffer and one NDArray per tensor in a sub-manager of the caller's,
 *       on the loader's device, then runs the {@link org.fastai4j.data.BatchTransform}s by order.
 *       Training: shuffled per epoch ({@code Seeds.derive(seed, epoch)}), last partial batch
 *       dropped; validation: in order, complete. Item randomness comes from
 *       {@code Seeds.derive(seed, epoch, item)}, so results do not depend on thread timing.
 *   <li>{@link org.fastai4j.data.DataBlock} with input and target blocks ({@link
 *       org.fastai4j.data.CategoryBlock}, {@link org.fastai4j.data.MultiCategoryBlock}, {@link
 *       org.fastai4j.data.RegressionBlock}; images: {@code vision.image.ImageBlock}), {@link
 *       org.fastai4j.data.Splitters}, {@link org.fastai4j.data.Labellers}, {@link
 *       org.fastai4j.data.Items#getImageFiles}. The vocabulary is built from the training labels
 *       only; a label seen only in validation is an error when the loaders are built.
 *   <li>DJL interop: {@link org.fastai4j.data.DataLoaders#fromDatasets} / {@link
 *       org.fastai4j.data.DatasetLoaders} over any DJL {@code RandomAccessDataset} (vocabulary
 *       read from it; training-only {@code Random*} transforms of a shared DJL pipeline are kept
 *       off the validation set), and {@link org.fastai4j.data.DjlTransforms} to use any DJL
 *       {@code Transform} as an item or batch transform.
 * </ul>
 */
package org.fastai4j.data;
