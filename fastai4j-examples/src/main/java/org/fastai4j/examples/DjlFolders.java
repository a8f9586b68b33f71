package org.fastai4j.examples;

import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.engine.Engine;
import ai.djl.modality.cv.transform.Resize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The DJL side of the reference: a DJL {@link ImageFolder} with DJL transforms ({@code Resize},
 * {@code ToTensor}), split 80/20 with {@code randomSplit}, as torchvision's {@code ImageFolder} and
 * {@code random_split}.
 */
final class DjlFolders {
    private DjlFolders() {}

    /**
     * {@code root/train} when that folder exists (the shipped sample's layout), else {@code root}:
     * the folder whose sub-folders are the classes.
     */
    static Path classFolders(Path root) {
        Path train = root.resolve("train");
        return Files.isDirectory(train) ? train : root;
    }

    /** The training and validation parts of a DJL ImageFolder over {@code root}'s class folders. */
    static RandomAccessDataset[] split(Path root, int size, int bs, int seed, ExampleRun run)
            throws IOException, TranslateException {
        Path folder = classFolders(root);
        run.say("ImageFolder.builder().setRepositoryPath(%s).addTransform(new Resize(%d))"
                + ".addTransform(new ToTensor()).build()", folder, size);
        ImageFolder dataset = ImageFolder.builder()
                .setRepositoryPath(folder)
                .addTransform(new Resize(size))
                .addTransform(new ToTensor())
                .setSampling(bs, true) // DJL's builder requires it; fastai4j's loaders sample themselves
                .build();
        dataset.prepare();
        run.say("DJL synset (class folders): %s", dataset.getSynset());
        Engine.getInstance().setRandomSeed(seed); // randomSplit shuffles with DJL's global random source
        RandomAccessDataset[] parts = dataset.randomSplit(8, 2);
        run.say("dataset.randomSplit(8, 2): %d training and %d validation images", parts[0].size(), parts[1].size());
        return parts;
    }
}
