/**
 * fastai's {@code Learner} and its loop: {@link org.fastai4j.learner.Learner} (built by
 * {@link org.fastai4j.learner.LearnerBuilder}), the events ({@link org.fastai4j.learner.Event})
 * and {@link org.fastai4j.learner.Callback}s, the {@link org.fastai4j.learner.CancelException}
 * family, the default callbacks ({@link org.fastai4j.learner.TrainEvalCallback},
 * {@link org.fastai4j.learner.Recorder}, {@link org.fastai4j.learner.ProgressCallback}), the
 * recipes ({@code fitOneCycle}, {@code fitFlatCos}, {@code fitSgdr}, {@code fineTune}), the LR
 * finder ({@link org.fastai4j.learner.LrFinder}, {@link org.fastai4j.learner.SuggestedLrs}) and
 * evaluation ({@code validate}, {@code getPreds} into {@link org.fastai4j.learner.Preds}).
 *
 * <p>Persistence and inference: {@link org.fastai4j.learner.Checkpoints} ({@code save}/{@code load}:
 * safetensors weights and optimizer state, atomic, with seed/epoch/version metadata),
 * {@link org.fastai4j.learner.SkipToEpoch} (resuming {@code fitOneCycle} at {@code startEpoch}),
 * {@link org.fastai4j.learner.Export} ({@code export}: a directory of {@code weights.safetensors} and
 * {@code manifest.json}, whose model part comes from an {@link org.fastai4j.learner.ExportSpec}),
 * {@code predict} into {@link org.fastai4j.learner.Prediction}, {@code getPreds} on new items,
 * {@code tta} and {@link org.fastai4j.learner.Versions}.
 *
 * <p>The package and {@code org.fastai4j.callback} depend on each other: callbacks implement
 * {@code Callback} here, and the recipes here compose {@code ParamScheduler} from there.
 */
package org.fastai4j.learner;
