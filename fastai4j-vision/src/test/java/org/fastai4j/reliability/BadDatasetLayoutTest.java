package org.fastai4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.transform.Resize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, item 7: bad dataset layouts are errors when the DataLoaders are built (not mid-epoch),
 * each naming the culprit; hidden folders ({@code .ipynb_checkpoints}) are ignored, as fastai's
 * {@code get_image_files} does.
 */
class BadDatasetLayoutTest {
    @TempDir
    Path dir;

    void image(String relative) throws Exception {
        ImageFixtures.copy("rgb.png", dir.resolve(relative));
    }

    void catsAndDogs() throws Exception {
        for (String split : new String[] {"train", "valid"}) {
            for (String label : new String[] {"cat", "dog"}) {
                for (int i = 0; i < 2; i++) {
                    image(split + "/" + label + "/" + i + ".png");
                }
            }
        }
    }

    ImageDataLoaders build() {
        return ImageDataLoaders.fromFolder(dir).optItemTfms(Resize.of(4)).optBs(2).optDevice(Device.cpu()).build();
    }

    @Test
    void emptyClassFolderIsAnErrorNamingIt() throws Exception {
        catsAndDogs();
        Files.createDirectories(dir.resolve("train/empty_class"));
        assertThatThrownBy(this::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("train/empty_class").toAbsolutePath().toString());
    }

    @Test
    void classFolderWithoutImagesIsAnErrorNamingIt() throws Exception {
        catsAndDogs();
        Files.createDirectories(dir.resolve("valid/bird"));
        Files.writeString(dir.resolve("valid/bird/README.txt"), "no images here");
        assertThatThrownBy(this::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("valid/bird").toAbsolutePath().toString());
    }

    @Test
    void hiddenFoldersAreIgnored() throws Exception {
        catsAndDogs();
        // Jupyter's checkpoint folders, at the class level and inside a class, with images in them
        image("train/.ipynb_checkpoints/0.png");
        image("train/cat/.ipynb_checkpoints/1-checkpoint.png");
        image("valid/.ipynb_checkpoints/0.png");
        Files.createDirectories(dir.resolve("train/.empty_hidden"));
        ImageDataLoaders dls = build();
        assertThat(dls.vocab().orElseThrow().items()).containsExactly("cat", "dog");
        assertThat(dls.train().itemCount()).isEqualTo(4);
        assertThat(dls.valid().itemCount()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(dls.train().describeItem(i)).doesNotContain(".ipynb_checkpoints");
        }
    }

    @Test
    void labelOnlyInValidationIsAnErrorNamingTheLabelAndFile() throws Exception {
        catsAndDogs();
        image("valid/zebra/z.png");
        assertThatThrownBy(this::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zebra").hasMessageContaining("z.png")
                .hasMessageContaining("only in the validation set");
    }

    @Test
    void csvNamingMissingFilesIsAnErrorAtBuildNamingThem() throws Exception {
        for (int i = 0; i < 4; i++) {
            image("images/" + i + ".png");
        }
        Files.writeString(dir.resolve("labels.csv"), "name,label,is_valid\n0.png,a,False\n1.png,b,False\n"
                + "ghost.png,a,False\n2.png,a,True\n3.png,b,True\n");
        assertThatThrownBy(() -> ImageDataLoaders.fromCsv(dir).optFolder("images").optValidCol("is_valid")
                .optBs(2).optDevice(Device.cpu()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(dir.resolve("images/ghost.png").toString());
    }
}
