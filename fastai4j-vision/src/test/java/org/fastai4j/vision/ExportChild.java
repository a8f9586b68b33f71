package org.fastai4j.vision;

import java.nio.file.Path;
import org.fastai4j.learner.Learner;

/**
 * TEST FIXTURE: the child JVM of {@link VisionExportTest}: loads the export {@code args[0]} and prints,
 * for each image file {@code args[1..]}, {@code label index bits...} with each probability's exact
 * float bits.
 */
public final class ExportChild {
    private ExportChild() {}

    public static void main(String[] args) throws Exception {
        try (Learner learn = VisionLearner.loadLearner(Path.of(args[0]))) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(VisionExportTest.line(learn.predict(Path.of(args[i]))));
            }
        }
    }

}
