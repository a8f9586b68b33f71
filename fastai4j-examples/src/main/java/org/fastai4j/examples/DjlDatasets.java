package org.fastai4j.examples;

import ai.djl.modality.cv.transform.Normalize;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.util.stream.IntStream;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.DjlTransforms;
import org.fastai4j.interpret.ClassificationInterpretation;
import org.fastai4j.learner.Learner;
import org.fastai4j.metrics.Metrics;
import org.fastai4j.vision.Arch;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.VisionLearner;

/**
 * Step 2 of the reference workflow: data from a DJL dataset instead of fastai's blocks, the Java
 * twin of torchvision's {@code ImageFolder} + {@code random_split} + {@code DataLoaders.from_dsets}:
 *
 * <pre>{@code
 * dset = ImageFolder(path, transform=Compose([Resize(size), ToTensor()]))
 * train, valid = random_split(dset, [0.8, 0.2])
 * dls = DataLoaders.from_dsets(train, valid, bs=20)   # fastai then needs a manual CategoryMap,
 *                                                      # and refuses torchvision transforms as batch_tfms
 * }</pre>
 *
 * <p>Here the vocabulary is read from the DJL dataset (its synset) and any DJL {@code Transform}
 * (here {@code Normalize}) works as a batch transform. A vision learner (trained from scratch,
 * since the data is normalized with its own statistics) is fitted briefly. The DJL dataset reads
 * {@code --data}/train when that folder exists, else {@code --data}, as class folders. Writes
 * {@code show_batch.png}, {@code confusion_matrix.png} and {@code history.csv} to {@code --out}.
 */
public final class DjlDatasets {
    /** Fashion-MNIST's pixel mean and standard deviation (the same in all three channels). */
    static final float[] MEAN = {0.2860f, 0.2860f, 0.2860f};
    static final float[] STD = {0.3530f, 0.3530f, 0.3530f};

    private DjlDatasets() {}

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
        ExampleArgs a = ExampleArgs.parse("djl-datasets", args, "size", "32", "bs", "20", "epochs", "1",
                "lr", "2e-3", "arch", "resnet18", "limit", "0", "workers", "2", "seed", "42");
        if (a.help()) {
            System.out.print(a.usage());
            return null;
        }
        int size = a.integer("size", 8);
        int bs = a.integer("bs", 1);
        int seed = a.integer("seed", 0);
        ExampleRun run = new ExampleRun("djl-datasets", a.out());
        try (ExampleData data = ExampleData.of(a.data(), a.integer("limit", 0))) {
            RandomAccessDataset[] parts = DjlFolders.split(data.root(), size, bs, seed, run);

            run.say("DataLoaders.fromDatasets(train, valid, %d)", bs);
            DataLoaders plain = DataLoaders.fromDatasets(parts[0], parts[1], bs);
            run.say("vocab read from the DJL dataset: %s", plain.vocab().map(v -> v.items().toString())
                    .orElse("NONE (a bug: ImageFolder exposes getSynset())"));

            run.say("a DJL transform as batch transform: withBatchTransform(DjlTransforms.batch("
                    + "new ai.djl.modality.cv.transform.Normalize(mean, std), 50))");
            DataLoaders dls = plain.withBatchTransform(DjlTransforms.batch(new Normalize(MEAN, STD), 50));
            run.number("batch_mean_before", stats(plain.valid(), bs)[0]);
            run.number("batch_mean_after", stats(dls.valid(), bs)[0]);
            run.number("batch_std_after", stats(dls.valid(), bs)[1]);

            run.say("new ImageDataLoaders(dls).showBatch() (before normalization: a DJL transform has no decode)");
            run.save(new ImageDataLoaders(plain).showBatch(), "show_batch.png");

            Arch arch = Arch.fromName(a.string("arch"));
            run.say("VisionLearner.builder(dls, Arch.%s).optPretrained(false).addMetric(Metrics.accuracy())", arch.name());
            try (Learner learn = VisionLearner.builder(dls, arch).optPretrained(false)
                    .addMetric(Metrics.accuracy()).learner(b -> b.optPath(a.out()).optSeed(seed)).build()) {
                int epochs = a.integer("epochs", 1);
                double lr = a.positive("lr");
                run.say("learn.fitOneCycle(%d, %s)", epochs, lr);
                learn.fitOneCycle(epochs, lr);
                run.lastMetric(learn, "accuracy");
                run.saveHistory(learn, "history.csv");
                ClassificationInterpretation interp = ClassificationInterpretation.fromLearner(learn);
                run.save(interp.plotConfusionMatrix(), "confusion_matrix.png");
            }
        }
        return run.result("accuracy");
    }

    /** The mean and standard deviation of the first validation batch as the model receives it. */
    static double[] stats(DataLoader dl, int bs) {
        int[] first = IntStream.range(0, Math.min(bs, dl.itemCount())).toArray();
        try (NDManager m = NDManager.newBaseManager(dl.device()); Batch b = dl.itemsAt(first, m)) {
            NDArray x = b.xs().head();
            double mean = x.mean().getFloat();
            double std = Math.sqrt(x.sub(mean).square().mean().getFloat());
            return new double[] {mean, std};
        }
    }
}
