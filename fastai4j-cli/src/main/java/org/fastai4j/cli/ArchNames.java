package org.fastai4j.cli;

import java.util.Arrays;
import java.util.Iterator;
import org.fastai4j.vision.Arch;

/** The architecture names, for {@code --arch}'s help. */
final class ArchNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Arch.values()).map(Arch::id).iterator();
    }
}
