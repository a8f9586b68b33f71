package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing both weights readers with random and mutated bytes: each input either reads or fails with an
 * {@link IOException} (never another exception, an {@code OutOfMemoryError} or a crash). A short run
 * (a few hundred tries per property) is part of the suite; for a long run raise the {@code tries} below
 * (see {@code org.fastai4j.io}'s package documentation).
 */
class WeightsReadersFuzzTest {

    private static byte[] goodPth;
    private static byte[] goodPickle;
    private static byte[] goodSafetensors;

    static synchronized void load() throws Exception {
        if (goodPth != null) {
            return;
        }
        Path pth = PthReaderTest.fixture("good.pth");
        goodPth = Files.readAllBytes(pth);
        try (ZipFile z = new ZipFile(pth.toFile())) {
            goodPickle = z.getInputStream(z.getEntry("good/data.pkl")).readAllBytes();
        }
        Path st = Files.createTempFile("fuzz", ".safetensors");
        Safetensors.write(st, PthReader.read(pth), java.util.Map.of("k", "v"));
        goodSafetensors = Files.readAllBytes(st);
        Files.delete(st);
    }

    static void expectOnlyIOException(byte[] bytes, String suffix, IoCall call) throws Exception {
        Path f = Files.createTempFile("fuzz", suffix);
        try {
            Files.write(f, bytes);
            call.read(f);
        } catch (IOException expected) {
            assertThat(expected).hasMessageContaining(f.getFileName().toString());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    interface IoCall {
        void read(Path f) throws IOException;
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofSize(2).list().ofMinSize(1)
                .ofMaxSize(8);
    }

    static byte[] mutate(byte[] src, List<int[]> muts) {
        byte[] b = src.clone();
        for (int[] m : muts) {
            b[m[0] % b.length] = (byte) m[1];
        }
        return b;
    }

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 600) byte[] bytes) throws Exception {
        expectOnlyIOException(bytes, ".safetensors", Safetensors::read);
        expectOnlyIOException(bytes, ".pth", PthReader::read);
    }

    @Property(tries = 300)
    void mutatedSafetensors(@ForAll("mutations") List<int[]> muts) throws Exception {
        load();
        expectOnlyIOException(mutate(goodSafetensors, muts), ".safetensors", Safetensors::read);
    }

    @Property(tries = 300)
    void mutatedPthFile(@ForAll("mutations") List<int[]> muts) throws Exception {
        load();
        expectOnlyIOException(mutate(goodPth, muts), ".pth", PthReader::read);
    }

    @Property(tries = 500)
    void mutatedPickleInAValidZip(@ForAll("mutations") List<int[]> muts) throws Exception {
        load();
        byte[] pkl = mutate(goodPickle, muts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputCopy copy = new ZipInputCopy(out)) {
            try (ZipFile z = new ZipFile(PthReaderTest.fixture("good.pth").toFile())) {
                for (ZipEntry e : java.util.Collections.list(z.entries())) {
                    byte[] data = e.getName().endsWith("data.pkl") ? pkl : z.getInputStream(e).readAllBytes();
                    copy.stored(e.getName(), data);
                }
            }
        }
        expectOnlyIOException(out.toByteArray(), ".pth", PthReader::read);
    }

    /** Writes stored (uncompressed) zip entries, as torch.save does. */
    static final class ZipInputCopy implements AutoCloseable {
        private final ZipOutputStream zip;

        ZipInputCopy(ByteArrayOutputStream out) {
            zip = new ZipOutputStream(out);
        }

        void stored(String name, byte[] data) throws IOException {
            PthWriter.stored(zip, name, data);
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        /** Writes a torch-style zip holding only {@code <name>/data.pkl}. */
        static void writeTorchZip(Path file, String name, byte[] pickle) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipInputCopy z = new ZipInputCopy(out)) {
                z.stored(name + "/data.pkl", pickle);
            }
            Files.write(file, out.toByteArray());
        }
    }
}
