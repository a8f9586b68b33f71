package org.fastai4j.examples;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.interpret.ClassificationInterpretation;
import org.fastai4j.learner.Learner;
import org.fastai4j.losses.Losses;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.optim.Optimizers;

/**
 * Step 3 of the reference workflow: a custom model, any DJL {@code Block} (here {@link Net}), on
 * data from a DJL dataset, trained with fastai's generic {@code Learner}:
 *
 * <pre>{@code
 * learn = Learner(dls, Net(), loss_func=CrossEntropyLossFlat(), opt_func=Adam, metrics=[accuracy])
 * learn.fit_one_cycle(10, 0.001)
 * interp = ClassificationInterpretation.from_learner(learn)
 * interp.plot_top_losses(5, nrows=2, ncols=3)    # breaks in fastai with this model and data
 * }</pre>
 *
 * <p>In fastai, {@code plot_top_losses} fails on loaders made from plain datasets and a plain
 * model; here the top losses are plotted from any loader and any model. The data is a DJL
 * {@code ImageFolder} split 80/20 (see {@link DjlDatasets}). Writes {@code top_losses.png},
 * {@code confusion_matrix.png} and {@code history.csv} to {@code --out}.
 */
public final class CustomModel {
    private CustomModel() {}

    /**
     * Runs the example; see {@code --help} for the options.
     *
     * @param args {@code --key value} options, all optional
     * @throws IOException if the data cannot be read or an output cannot be written
     * @throws TranslateException if the DJL dataset cannot be prepared
     */
    public static void main(String[] args) throws IOException, TranslateException {
        run(args);
    }

    /**
     * Runs the example and returns its accuracy and files.
     *
     * @param args {@code --key value} options, all optional
     * @return what it printed: the metric, other numbers and the files written; null after {@code --help}
     * @throws IOException if the data cannot be read or an output cannot be written
     * @throws TranslateException if the DJL dataset cannot be prepared
     */
    public static ExampleResult run(String[] args) throws IOException, TranslateException {
        ExampleArgs a = ExampleArgs.parse("custom-model", args, "size", "28", "bs", "20", "epochs", "10",
                "lr", "1e-3", "limit", "0", "seed", "42");
        if (a.help()) {
            System.out.print(a.usage());
            return null;
        }
        int size = a.integer("size", 4);
        int bs = a.integer("bs", 1);
        int seed = a.integer("seed", 0);
        int epochs = a.integer("epochs", 1);
        double lr = a.positive("lr");
        ExampleRun run = new ExampleRun("custom-model", a.out());
        try (ExampleData data = ExampleData.of(a.data(), a.integer("limit", 0))) {
            RandomAccessDataset[] parts = DjlFolders.split(data.root(), size, bs, seed, run);
            run.say("DataLoaders.fromDatasets(train, valid, %d)", bs);
            DataLoaders dls = DataLoaders.fromDatasets(parts[0], parts[1], bs);
            int classes = dls.vocab().orElseThrow(() -> new IllegalStateException(
                    "The DJL dataset gave no vocabulary")).size();

            run.say("Learner.builder(dls, new Net(%d)).optLossFunc(Losses.crossEntropyFlat())"
                    + ".optOptFunc(Optimizers.adam()).addMetric(Metrics.accuracy()).build()", classes);
            try (Learner learn = Learner.builder(dls, new Net(classes))
                    .optLossFunc(Losses.crossEntropyFlat())
                    .optOptFunc(Optimizers.adam())
                    .addMetric(Metrics.accuracy())
                    .optPath(a.out())
                    .optSeed(seed)
                    .build()) {
                run.say("learn.fitOneCycle(%d, %s)", epochs, lr);
                learn.fitOneCycle(epochs, lr);
                run.lastMetric(learn, "accuracy");
                run.saveHistory(learn, "history.csv");

                run.say("ClassificationInterpretation.fromLearner(learn).plotTopLosses(5, 2, 3)"
                        + " (fastai's plot_top_losses breaks here; this works with any model and dataset)");
                ClassificationInterpretation interp = ClassificationInterpretation.fromLearner(learn);
                run.save(interp.plotTopLosses(5, 2, 3), "top_losses.png");
                run.save(interp.plotConfusionMatrix(), "confusion_matrix.png");
            }
        }
        return run.result("accuracy");
    }
}
