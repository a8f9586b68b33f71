package org.fastai4j.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Archives#extractTgz}, which {@code Datasets.untarData} uses on downloaded archives: whatever the
 * archive holds (names with {@code ..}, absolute names, symbolic links chained so that a textual check is
 * fooled, hard links), nothing may be written or linked outside the destination folder, and the error names
 * the archive and the entry; a normal archive with internal relative links still extracts.
 */
class ArchivesTest {

    @TempDir
    Path dir;
    Path dest;
    Path archive;

    @BeforeEach
    void setUp() throws Exception {
        dest = Files.createDirectories(dir.resolve("dest"));
        archive = dir.resolve("foo.tgz");
    }

    /** Writes {@link #archive}: entries as (kind, name, content-or-target), kind f = file, d = dir, s/h = link. */
    private void tgz(String... entries) throws Exception {
        try (OutputStream os = Files.newOutputStream(archive);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(os))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < entries.length; i += 3) {
                String kind = entries[i];
                String name = entries[i + 1];
                String arg = entries[i + 2];
                TarArchiveEntry e;
                switch (kind) {
                    case "s" -> {
                        e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK, true);
                        e.setLinkName(arg);
                    }
                    case "h" -> {
                        e = new TarArchiveEntry(name, TarArchiveEntry.LF_LINK, true);
                        e.setLinkName(arg);
                    }
                    case "d" -> e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
                    default -> {
                        e = new TarArchiveEntry(name, true);
                        e.setSize(arg.getBytes(StandardCharsets.UTF_8).length);
                    }
                }
                tar.putArchiveEntry(e);
                if (kind.equals("f")) {
                    tar.write(arg.getBytes(StandardCharsets.UTF_8));
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** Every path under the temp folder except the archive and dest itself: nothing written beside dest. */
    private void assertNothingOutsideDest() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("dest", "foo.tgz");
        }
    }

    private void assertRefused(String entry) {
        assertThatThrownBy(() -> Archives.extractTgz(archive, dest))
                .isInstanceOf(Archives.InvalidArchiveException.class)
                .hasMessageContaining("entry '" + entry + "' in " + archive)
                .hasMessageContaining("outside " + dest.toAbsolutePath());
    }

    @Test
    void dotDotNameIsRefused() throws Exception {
        tgz("f", "ok.txt", "fine", "f", "../x", "pwned");
        assertRefused("../x");
        assertThat(dest.resolve("ok.txt")).hasContent("fine");
        assertNothingOutsideDest();
    }

    @Test
    void absoluteNameIsRefused() throws Exception {
        Path target = dir.resolve("abs.txt").toAbsolutePath();
        tgz("f", target.toString(), "pwned");
        assertRefused(target.toString());
        assertNothingOutsideDest();
    }

    @Test
    void symlinkOutsideIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        tgz("s", "up", "..", "f", "up/evil.txt", "pwned");
        assertRefused("up");
        assertThat(dest.resolve("up")).doesNotExist();
        assertNothingOutsideDest();

        tgz("s", "etc", "/etc");
        assertThatThrownBy(() -> Archives.extractTgz(archive, dest))
                .isInstanceOf(Archives.InvalidArchiveException.class)
                .hasMessageContaining("entry 'etc' in " + archive).hasMessageContaining("absolute path '/etc'");
    }

    /**
     * The reported hole: {@code c -> .} is inside, and {@code a -> c/..} is textually {@code .} (inside), but on
     * disk {@code c/..} is dest's parent, so {@code a/evil.txt} landed beside dest.
     */
    @Test
    void chainedSymlinksCannotLeadOutside() throws Exception {
        tgz("s", "c", ".", "s", "a", "c/..", "f", "a/evil.txt", "pwned");
        assertRefused("a");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
        assertNothingOutsideDest();
    }

    /** Even with a link made outside by hand, an entry written through it is refused by its real path. */
    @Test
    void entryThroughAnExistingLinkToOutsideIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dest.resolve("out"), Path.of("../elsewhere"));
        tgz("f", "out/evil.txt", "pwned");
        assertRefused("out/evil.txt");
        assertThat(dir.resolve("elsewhere/evil.txt")).doesNotExist();
    }

    /** {@code d -> x/../sub} is inside while x does not exist; a later {@code x -> .} makes it dest's sibling. */
    @Test
    void linkRedirectedByALaterLinkIsRefusedAndRemoved() throws Exception {
        tgz("s", "d", "x/../sub", "s", "x", ".");
        assertThatThrownBy(() -> Archives.extractTgz(archive, dest))
                .isInstanceOf(Archives.InvalidArchiveException.class)
                .hasMessageContaining("entry 'd' in " + archive).hasMessageContaining("outside");
        assertThat(Files.exists(dest.resolve("d"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void hardLinkOutsideIsRefused() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        tgz("h", "copy", "../secret.txt");
        assertRefused("copy");
        assertThat(dest.resolve("copy")).doesNotExist();

        // a hard link through an internal-looking symlink that really points outside
        Files.createSymbolicLink(dest.resolve("ln"), Path.of(".."));
        tgz("h", "copy", "ln/secret.txt");
        assertRefused("copy");
        assertThat(dest.resolve("copy")).doesNotExist();
    }

    @Test
    void normalArchiveWithInternalLinksExtracts() throws Exception {
        tgz("d", "data", "", "d", "data/train", "", "f", "data/train/a.txt", "A",
                "s", "data/latest", "train", "s", "data/train/self", "../train/a.txt",
                "h", "data/b.txt", "data/train/a.txt", "f", "data/latest/c.txt", "C");
        Archives.extractTgz(archive, dest);
        assertThat(dest.resolve("data/train/a.txt")).hasContent("A");
        assertThat(Files.readSymbolicLink(dest.resolve("data/latest"))).isEqualTo(Path.of("train"));
        assertThat(dest.resolve("data/train/self")).hasContent("A");
        assertThat(dest.resolve("data/b.txt")).hasContent("A");
        assertThat(dest.resolve("data/train/c.txt")).hasContent("C");
        assertNothingOutsideDest();
    }
}
