package org.fastai4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataBlockTest {

    /** Input = the file's first byte; a file whose name starts with "bad" cannot be loaded. */
    static final class FirstByte implements InputBlock {
        @Override
        public HostTensor load(Object x, List<ItemTransform<?>> tfms, ItemContext ctx)
                throws Exception {
            Path p = (Path) x;
            if (p.getFileName().toString().startsWith("bad")) {
                throw new java.io.IOException("cannot decode " + p);
            }
            return HostTensor.ofUint8(new byte[] {Files.readAllBytes(p)[0]}, 1);
        }

        @Override
        public Optional<String> check(Object x) {
            Path p = (Path) x;
            return p.getFileName().toString().startsWith("bad")
                    ? Optional.of(p + ": cannot decode") : Optional.empty();
        }
    }

    static Path file(Path dir, String rel, int value) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {(byte) value});
        return p;
    }

    static DataBlock.Builder folderBlock() {
        return DataBlock.builder().setBlocks(new FirstByte(), CategoryBlock.create())
                .setGetItems(p -> Items.getFiles((Path) p, java.util.Set.of(".png"), List.of()))
                .setGetY(Labellers.parentLabel());
    }

    @Test
    void randomSplitIsReproducibleAndPartitionsTheItems() {
        List<Integer> items = IntStream.range(0, 53).boxed().toList();
        Split a = Splitters.random(0.2, 42).split(items);
        Split b = Splitters.random(0.2, 42).split(items);
        Split c = Splitters.random(0.2, 43).split(items);
        // fastai: cut = int(valid_pct * n) = int(0.2 * 53) = 10 validation items
        assertThat(a.valid()).hasSize(10);
        assertThat(a.train()).hasSize(43);
        assertThat(a.valid()).containsExactly(b.valid());
        assertThat(Arrays.equals(a.valid(), c.valid())).isFalse();
        int[] all = IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.valid()))
                .sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 53).toArray());
    }

    @Test
    void grandparentIndexFuncAndColumnSplitters() {
        List<Path> paths = List.of(Path.of("r/train/a/1.png"), Path.of("r/valid/a/2.png"),
                Path.of("r/test/a/3.png"), Path.of("r/train/b/4.png"));
        Split g = Splitters.grandparent().split(paths);
        assertThat(g.train()).containsExactly(0, 3);
        assertThat(g.valid()).containsExactly(1);
        Split i = Splitters.index(2, 0).split(paths);
        assertThat(i.train()).containsExactly(1, 3);
        assertThat(i.valid()).containsExactly(0, 2);
        Split f = Splitters.func(o -> o.toString().contains("b")).split(paths);
        assertThat(f.valid()).containsExactly(3);
        List<Map<String, String>> rows = List.of(Map.of("is_valid", "False"),
                Map.of("is_valid", "True"), Map.of("is_valid", "1"));
        Split col = Splitters.column().split(rows);
        assertThat(col.train()).containsExactly(0);
        assertThat(col.valid()).containsExactly(1, 2);
    }

    @Test
    void labellers() {
        assertThat(Labellers.parentLabel().apply(Path.of("x/cats/1.png"))).isEqualTo("cats");
        assertThat(Labellers.regex("^(.+)_\\d+\\.jpg$").apply(Path.of("d/great_pyrenees_12.jpg")))
                .isEqualTo("great_pyrenees");
        assertThatThrownBy(() -> Labellers.regex("^(\\d+)$").apply(Path.of("d/abc.jpg")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abc.jpg");
        assertThat(Labellers.column("tags", " ").apply(Map.of("tags", "a  b c")))
                .isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void vocabComesFromTrainingLabelsSorted(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 4; i++) {
            file(dir, "train/zebra/" + i + ".png", i);
            file(dir, "train/ant/" + i + ".png", 10 + i);
            file(dir, "valid/zebra/" + i + ".png", 20 + i);
        }
        DataLoaders dls = folderBlock().optSplitter(Splitters.grandparent()).build()
                .dataloaders(dir, LoaderOptions.defaults().withBs(2).withDevice(Device.cpu()));
        assertThat(dls.vocab().orElseThrow().items()).containsExactly("ant", "zebra");
        assertThat(dls.train().itemCount()).isEqualTo(8);
        assertThat(dls.valid().itemCount()).isEqualTo(4);
        assertThat(dls.valid().describeItem(0)).endsWith("valid/zebra/0.png".replace('/',
                java.io.File.separatorChar));
        List<Long> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader.CloseableIterator<Batch> it = dls.valid().iterator(m, 0)) {
            while (it.hasNext()) {
                try (Batch b = it.next()) {
                    for (long l : b.ys().singletonOrThrow().toLongArray()) {
                        labels.add(l);
                    }
                    for (byte v : b.xs().singletonOrThrow().toByteArray()) {
                        values.add((int) v);
                    }
                }
            }
        }
        assertThat(labels).containsExactly(1L, 1L, 1L, 1L);
        assertThat(values).containsExactly(20, 21, 22, 23);
    }

    @Test
    void labelOnlyInValidationIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        file(dir, "train/cat/0.png", 1);
        file(dir, "train/cat/1.png", 1);
        file(dir, "valid/dog/0.png", 2);
        assertThatThrownBy(() -> folderBlock().optSplitter(Splitters.grandparent()).build()
                .dataloaders(dir, LoaderOptions.defaults().withBs(1).withDevice(Device.cpu())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dog'").hasMessageContaining("only in the validation set");
    }

    @Test
    void skipBadDropsBadItemsAtBuild(@TempDir Path dir) throws Exception {
        file(dir, "train/cat/0.png", 1);
        file(dir, "train/cat/bad.png", 1);
        file(dir, "valid/cat/1.png", 2);
        DataBlock block = folderBlock().optSplitter(Splitters.grandparent()).build();
        LoaderOptions o = LoaderOptions.defaults().withBs(1).withDevice(Device.cpu());
        assertThat(block.dataloaders(dir, o.withSkipBad(true)).train().itemCount()).isEqualTo(1);
        DataLoaders strict = block.dataloaders(dir, o);
        assertThat(strict.train().itemCount()).isEqualTo(2);
        assertThatThrownBy(() -> {
            try (NDManager m = NDManager.newBaseManager(Device.cpu());
                    DataLoader.CloseableIterator<Batch> it = strict.train().iterator(m, 0)) {
                while (it.hasNext()) {
                    it.next().close();
                }
            }
        }).isInstanceOf(ItemLoadException.class).hasMessageContaining("bad.png");
    }

    @Test
    void numericCategoriesSortAsNumbers() {
        TargetBlock.Encoder e = CategoryBlock.create().setup(List.of(10, 2, 33, 2));
        assertThat(e.vocab().orElseThrow().items()).containsExactly("2", "10", "33");
        assertThat(e.encode(10).data().order(java.nio.ByteOrder.nativeOrder()).getLong(0))
                .isEqualTo(1);
    }

    @Test
    void multiCategoryAndRegressionTargets() {
        TargetBlock.Encoder multi = MultiCategoryBlock.create()
                .setup(List.of(List.of("b", "a"), List.of("c")));
        assertThat(multi.vocab().orElseThrow().items()).containsExactly("a", "b", "c");
        assertThat(multi.encode(List.of("c", "a")).data().asFloatBuffer().limit()).isEqualTo(3);
        float[] hot = new float[3];
        multi.encode(List.of("c", "a")).data().order(java.nio.ByteOrder.nativeOrder())
                .asFloatBuffer().get(hot);
        assertThat(hot).containsExactly(1f, 0f, 1f);
        assertThatThrownBy(() -> multi.encode(List.of("d")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'d'");
        HostTensor r = RegressionBlock.create().setup(List.of()).encode("2.5");
        assertThat(r.data().order(java.nio.ByteOrder.nativeOrder()).getFloat(0)).isEqualTo(2.5f);
        assertThat(r.shape().dimension()).isZero();
    }

    @Test
    void getFilesSkipsHiddenAndSorts(@TempDir Path dir) throws Exception {
        file(dir, "b/2.png", 0);
        file(dir, "a/1.PNG", 0);
        file(dir, ".git/x.png", 0);
        file(dir, "a/.ipynb_checkpoints/y.png", 0);
        file(dir, "a/notes.txt", 0);
        file(dir, "a/.hidden.png", 0);
        try {
            Files.createSymbolicLink(dir.resolve("b/loop"), dir);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // no symlinks here: the cycle part is not tested
        }
        List<Path> files = Items.getImageFiles(dir);
        assertThat(files).containsExactly(dir.resolve("a/1.PNG"), dir.resolve("b/2.png"));
    }

    @Test
    void csvReaderHandlesQuotes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("l.csv");
        Files.writeString(csv, "fname,labels,is_valid\n\"a,1.jpg\",\"x y\",True\nb.jpg,z,False\n");
        List<Map<String, String>> rows = Csv.read(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("fname")).isEqualTo("a,1.jpg");
        assertThat(rows.get(1).get("labels")).isEqualTo("z");
    }
}
