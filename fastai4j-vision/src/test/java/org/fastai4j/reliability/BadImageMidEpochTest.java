package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fastai4j.data.ItemLoadException;
import org.fastai4j.learner.Learner;
import org.fastai4j.optim.Lr;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.image.ImageDecodeException;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 12, the bad-image case (the shape-mismatch and callback cases are
 * {@code BatchFailureTest} in fastai4j-core): loaders built without {@code skipBad} over a folder
 * where one file turns undecodable after a first fit; the next fit fails when the file's batch is loaded, with an
 * {@link ItemLoadException} naming the file (cause: {@link ImageDecodeException}); the native
 * memory of the failed fit is freed (live arrays of the learner's manager and engine-wide equal
 * before and after); once the file is replaced, the same learner fits.
 */
class BadImageMidEpochTest {
    @TempDir
    Path dir;

    @Test
    void badImageFoundMidEpochNamesTheFileAndFreesTheBatch() throws Exception {
        for (String split : new String[] {"train", "valid"}) {
            for (String label : new String[] {"cat", "dog"}) {
                for (int i = 0; i < (split.equals("train") ? 4 : 2); i++) {
                    ImageFixtures.copy(i % 2 == 0 ? "rgb.png" : "gray.png",
                            dir.resolve(split + "/" + label + "/" + i + ".png"));
                }
            }
        }
        Path broken = ImageFixtures.copy("rgb.png", dir.resolve("train/dog/broken.png"));
        ImageDataLoaders dls = ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(4)).optBs(3)
                .optDevice(Device.cpu()).build(); // no skipBad: a bad file is found while training
        SequentialBlock model = new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(2).build());
        try (Learner learn = Learner.builder(dls, model).optSilent(true).optSeed(3).build()) {
            learn.fit(1, Lr.of(1e-2)); // the optimizer's state now exists
            int learnerLive = learn.manager().getManagedArrays().size();
            int engineLive = LiveArrays.engineWide();
            Files.writeString(broken, "this is not a png"); // the file goes bad between two fits
            assertThatThrownBy(() -> learn.fit(1, Lr.of(1e-2)))
                    .isInstanceOf(ItemLoadException.class)
                    .hasMessageContaining(broken.toString())
                    .hasCauseInstanceOf(ImageDecodeException.class);
            assertThat(learn.manager().getManagedArrays()).as("learner's live arrays").hasSize(learnerLive);
            assertThat(LiveArrays.engineWide()).as("engine-wide live arrays").isEqualTo(engineLive);
            ImageFixtures.copy("rgb.png", broken);
            learn.fit(1, Lr.of(1e-2));
            assertThat(learn.recorder().losses()).hasSize(dls.train().size());
            assertThat(learn.manager().getManagedArrays()).hasSize(learnerLive);
        }
    }
}
