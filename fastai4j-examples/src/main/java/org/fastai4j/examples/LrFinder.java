package org.fastai4j.examples;

import java.io.IOException;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.SuggestedLrs;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.vision.Arch;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.VisionLearner;
import org.fastai4j.vision.augment.Augment;
import org.fastai4j.vision.transform.Resize;

/**
 * Step 4 of the reference workflow, the learning-rate finder:
 *
 * <pre>{@code
 * learn = vision_learner(dls, resnet34, metrics=accuracy)
 * lrs = learn.lr_find()          # SuggestedLRs(valley=...), and the plot
 * learn.fit_one_cycle(1, lrs.valley)
 * }</pre>
 *
 * <p>The data is the quickstart's ({@code fromFolder}, 20% validation, {@code augTransforms}).
 * Prints fastai's four suggestions (valley, slide, minimum, steep), saves the finder's plot as
 * {@code lr_find.png} and then trains one cycle at the valley ({@code history.csv}). The finder
 * restores the weights it found them with, as fastai's. {@code --num-it} is fastai's {@code num_it}.
 */
public final class LrFinder {
    private LrFinder() {}

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
     * Runs the example and returns its accuracy, the four suggestions and the files.
     *
     * @param args {@code --key value} options, all optional
     * @return what it printed: the metric, other numbers and the files written; null after {@code --help}
     * @throws IOException if the data cannot be read or an output cannot be written
     */
    public static ExampleResult run(String[] args) throws IOException {
        ExampleArgs a = ExampleArgs.parse("lr-finder", args, "size", "64", "bs", "20", "epochs", "1",
                "arch", "resnet34", "pretrained", "auto", "num-it", "100", "limit", "0", "workers", "2", "seed", "42");
        if (a.help()) {
            System.out.print(a.usage());
            return null;
        }
        int size = a.integer("size", 8);
        int bs = a.integer("bs", 1);
        int epochs = a.integer("epochs", 1);
        int numIt = a.integer("num-it", 10);
        Arch arch = Arch.fromName(a.string("arch"));
        ExampleRun run = new ExampleRun("lr-finder", a.out());
        try (ExampleData data = ExampleData.of(a.data(), a.integer("limit", 0))) {
            run.say("ImageDataLoaders.fromFolder(%s).optValidPct(0.2).optItemTfms(Resize.of(%d))"
                    + ".optBatchTfms(Augment.augTransforms()).optBs(%d)", data.root(), size, bs);
            ImageDataLoaders dls = ImageDataLoaders.fromFolder(data.root()).optValidPct(0.2)
                    .optSeed(a.integer("seed", 0)).optItemTfms(Resize.of(size))
                    .optBatchTfms(Augment.augTransforms()).optBs(bs).optWorkers(a.integer("workers", 1)).build();
            VisionLearner.Builder builder = VisionLearner.builder(dls, arch).addMetric(Metrics.accuracy())
                    .learner(b -> b.optPath(a.out()));
            run.say("VisionLearner.create(dls, Arch.%s, Metrics.accuracy())", arch.name());
            try (Learner learn = Pretrained.build(builder, a.choice("pretrained", "auto", "true", "false"), run)) {
                run.say("learn.lrFind() (from 1e-7 to 10 over %d batches, stopping on divergence)", numIt);
                SuggestedLrs lrs = learn.lrFind(1e-7, 10, numIt, true);
                run.number("valley", lrs.valley());
                run.number("slide", lrs.slide());
                run.number("minimum", lrs.minimum());
                run.number("steep", lrs.steep());
                run.save(lrs.plot(), "lr_find.png");

                run.say("learn.fitOneCycle(%d, lrs.valley()) = fitOneCycle(%d, %s)", epochs, epochs,
                        ExampleRun.format(lrs.valley()));
                learn.fitOneCycle(epochs, lrs.valley());
                run.lastMetric(learn, "accuracy");
                run.saveHistory(learn, "history.csv");
            }
        }
        return run.result("accuracy");
    }
}
