/**
 * fastai's loss functions, by name: {@link org.fastai4j.losses.Losses} builds them, each a
 * {@link org.fastai4j.losses.Loss} that knows its activation and decoding.
 *
 * <p>All losses flatten as fastai's {@code BaseLoss}: the class axis is swapped to the last
 * position, then the prediction becomes rows of classes (classification) or one flat vector
 * (regression, multi-label). {@code forward} gives torch's {@code reduction='mean'};
 * {@code perItem} gives one loss per item of the batch, as fastai's {@code get_preds(with_loss=True)}:
 * torch's {@code reduction='none'} values, averaged per item when an item has several.
 */
package org.fastai4j.losses;
