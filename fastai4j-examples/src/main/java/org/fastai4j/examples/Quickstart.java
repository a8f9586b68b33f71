package org.fastai4j.examples;

import java.io.IOException;
import org.fastai4j.interpret.ClassificationInterpretation;
import org.fastai4j.interpret.Confusion;
import org.fastai4j.learner.Learner;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.vision.Arch;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.VisionLearner;
import org.fastai4j.vision.augment.Augment;
import org.fastai4j.vision.transform.Resize;

/**
 * Step 1 of the reference workflow, fastai's quickstart:
 *
 * <pre>{@code
 * dls = ImageDataLoaders.from_folder(path, item_tfms=Resize(224), batch_tfms=aug_transforms(),
 *                                    valid_pct=0.2, bs=20)
 * dls.show_batch()
 * learn = vision_learner(dls, resnet34, metrics=error_rate)
 * learn.fine_tune(2)
 * interp = ClassificationInterpretation.from_learner(learn)
 * interp.plot_confusion_matrix()
 * interp.plot_top_losses(5, nrows=2, ncols=3)
 * }</pre>
 *
 * <p>Every image under {@code --data} (a folder of class folders, at any depth: the label is the
 * parent folder's name) is split at random, 20% for validation. Writes {@code show_batch.png},
 * {@code confusion_matrix.png}, {@code top_losses.png} and {@code history.csv} to {@code --out}.
 * Pretrained weights are used when found, else the model is trained from scratch (with a note).
 */
public final class Quickstart {
    private Quickstart() {}

    /**
     * Runs the example; see {@code --help} for the options.
     *
     * @param args {@code --key value} options, all optional
     * @throws IOException if the data cannot be read or an output cannot be written
     */
    public static void main(String[] args) throws IOException {
        run(args);
    }

    /**
     * Runs the example and returns its error rate and files.
     *
     * @param args {@code --key value} options, all optional
     * @return what it printed: the metric, other numbers and the files written; null after {@code --help}
     * @throws IOException if the data cannot be read or an output cannot be written
     */
    public static ExampleResult run(String[] args) throws IOException {
        ExampleArgs a = ExampleArgs.parse("quickstart", args, "size", "224", "bs", "20", "epochs", "2",
                "valid-pct", "0.2", "arch", "resnet34", "pretrained", "auto", "limit", "0", "workers", "2",
                "seed", "42");
        if (a.help()) {
            System.out.print(a.usage());
            return null;
        }
        int size = a.integer("size", 8);
        int bs = a.integer("bs", 1);
        int epochs = a.integer("epochs", 1);
        double validPct = a.positive("valid-pct");
        Arch arch = Arch.fromName(a.string("arch"));
        String pretrained = a.choice("pretrained", "auto", "true", "false");
        ExampleRun run = new ExampleRun("quickstart", a.out());
        try (ExampleData data = ExampleData.of(a.data(), a.integer("limit", 0))) {
            run.say("ImageDataLoaders.fromFolder(%s).optValidPct(%s).optItemTfms(Resize.of(%d))"
                    + ".optBatchTfms(Augment.augTransforms()).optBs(%d)", data.root(), validPct, size, bs);
            ImageDataLoaders dls = ImageDataLoaders.fromFolder(data.root())
                    .optValidPct(validPct)
                    .optSeed(a.integer("seed", 0))
                    .optItemTfms(Resize.of(size))
                    .optBatchTfms(Augment.augTransforms())
                    .optBs(bs)
                    .optWorkers(a.integer("workers", 1))
                    .build();
            run.say("%d training and %d validation images, classes %s", dls.train().itemCount(),
                    dls.valid().itemCount(), dls.vocab().orElseThrow().items());

            run.say("dls.showBatch()");
            run.save(dls.showBatch(), "show_batch.png");

            run.say("VisionLearner.create(dls, Arch.%s, Metrics.errorRate())", arch.name());
            VisionLearner.Builder builder = VisionLearner.builder(dls, arch).addMetric(Metrics.errorRate())
                    .learner(b -> b.optPath(a.out()));
            try (Learner learn = Pretrained.build(builder, pretrained, run)) {
                run.say("learn.fineTune(%d)", epochs);
                learn.fineTune(epochs);
                run.lastMetric(learn, "error_rate");
                run.saveHistory(learn, "history.csv");

                run.say("ClassificationInterpretation.fromLearner(learn)");
                ClassificationInterpretation interp = ClassificationInterpretation.fromLearner(learn);
                run.save(interp.plotConfusionMatrix(), "confusion_matrix.png");
                run.save(interp.plotTopLosses(5, 2, 3), "top_losses.png");
                run.say("most confused (actual -> predicted, count):");
                for (Confusion c : interp.mostConfused().stream().limit(5).toList()) {
                    run.say("  %s -> %s: %d", c.actual(), c.predicted(), c.count());
                }
            }
        }
        return run.result("error_rate");
    }
}
