package org.fastai4j.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fastai4j.callback.SaveModel;
import org.fastai4j.learner.testing.SyntheticLearners;
import org.fastai4j.optim.Lr;
import org.fastai4j.optim.Optimizers;

/**
 * TEST FIXTURE: the child JVM of {@link CheckpointFaultsTest}. {@code loop <dir>} trains the
 * synthetic learner for ever, SaveModel writing {@code ck_<epoch>} (with the optimizer) after every
 * epoch and this process printing {@code saved <epoch>} once the save has returned, then saving
 * {@code spin} 5 times in a row.
 * {@code full <dir>} (run under {@code ulimit -f 0}: no file may grow, as on a full disk) trains
 * one epoch and tries to overwrite checkpoint {@code prev} and the export {@code exp}; prints the
 * outcome.
 */
public final class CheckpointChild {
    private CheckpointChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "loop" -> loop(dir);
            case "full" -> full(dir);
            default -> throw new IllegalArgumentException("mode " + args[0]);
        }
    }

    static Learner learner(Path dir) {
        return SyntheticLearners.twoGroupBuilder(61).optOptFunc(Optimizers.adam()).optPath(dir).build();
    }

    private static void loop(Path dir) {
        Callback report = new Callback() {
            @Override
            public int order() {
                return 62; // after SaveModel (61)
            }

            @Override
            public void afterEpoch(Learner learn) {
                System.out.println("saved " + learn.epoch());
                System.out.flush();
                try {
                    for (int i = 0; i < 5; i++) {
                        learn.save("spin"); // saves in a tight loop: most kills land in one
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        try (Learner learn = learner(dir)) {
            learn.fit(1_000_000, Lr.of(1e-3),
                    SaveModel.builder().optFname("ck").optEveryEpoch(1).optWithOpt(true).build(), report);
        }
    }

    private static void full(Path dir) throws IOException {
        try (Learner learn = learner(dir)) {
            learn.load("prev");
            learn.fit(1, Lr.of(1e-3));
            float[] before = LoopEventsTest.weights(learn);
            try {
                learn.save("prev");
                System.out.println("SAVED");
            } catch (IOException e) {
                System.out.println("IOEXCEPTION " + e.getMessage().replace('\n', ' '));
            }
            System.out.println("UNCHANGED " + Arrays.equals(before, LoopEventsTest.weights(learn)));
            try {
                learn.export(dir.resolve("exp"));
                System.out.println("EXPORTED");
            } catch (IOException e) {
                System.out.println("EXPORT-IOEXCEPTION " + e.getMessage().replace('\n', ' '));
            }
            learn.fit(1, Lr.of(1e-3));
            System.out.println("TRAINED " + Arrays.stream(learn.recorder().rawLosses()).allMatch(Double::isFinite));
            try (var s = Files.list(learn.path())) {
                System.out.println("TEMPS " + s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
            }
        }
    }
}
