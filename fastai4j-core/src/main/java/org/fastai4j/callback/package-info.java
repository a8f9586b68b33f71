/**
 * fastai's built-in training callbacks, each a {@link org.fastai4j.learner.Callback} added with
 * {@code learn.addCb(...)} or for one call with {@code fit(..., cbs)}: {@code SaveModel},
 * {@code EarlyStopping}, {@code ReduceLROnPlateau} (trackers of a recorded value, compared by
 * name as fastai: lower is better for names containing "loss" or "error"), {@code CsvLogger},
 * {@code TerminateOnNaN}, {@link org.fastai4j.callback.GradientClip}, {@code
 * GradientAccumulation}, {@code MixUp}, {@code CutMix}, {@code BnFreeze}. {@code ParamScheduler}
 * lives here too and drives the learner's schedules.
 */
package org.fastai4j.callback;
