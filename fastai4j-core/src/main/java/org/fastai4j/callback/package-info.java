/**
 * fastai's built-in training callbacks, each a {@link org.fastai4j.learner.Callback} added with
 * {@code learn.addCb(...)} or for one call with {@code fit(..., cbs)}: {@code SaveModel},
 * {@code EarlyStopping}, {@code ReduceLROnPlateau} (trackers of a recorded value, compared by
 * name as fastai: lower is better for names containing "loss" or "error"), {@code CsvLogger},
 * {@code TerminateOnNaN}, {@link org.fastai4j.callback.GradientClip}, {@code
 * GradientAccumulation}, {@code MixUp}, {@code CutMix}, {@code BnFreeze}. {@code ParamScheduler}
 * lives here too and drives the learner's schedules.
 *
 * <p>DJL gives one {@code training} flag to a whole model, so fastai's per-layer {@code eval()}
 * of frozen BatchNorm layers needs the layer's help: batch-norm blocks that implement
 * {@link org.fastai4j.callback.FreezableBatchNorm} can be put in eval mode by {@code BnFreeze}.
 * MixUp and CutMix replace the loss after it is computed ({@code after_loss}) rather than
 * swapping the loss function as fastai does; the loss seen and back-propagated is the same.
 */
package org.fastai4j.callback;
