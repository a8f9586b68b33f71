package org.fastai4j.examples;

import java.io.UncheckedIOException;
import org.fastai4j.learner.Learner;
import org.fastai4j.vision.VisionLearner;

/**
 * Builds a vision learner on pretrained weights when they can be found (PyTorch's cache, fastai4j's
 * cache, or a download), and from scratch otherwise, saying which, so an example runs anywhere,
 * offline included. {@code --pretrained false} skips the look-up; {@code true} makes missing
 * weights an error.
 */
final class Pretrained {
    private Pretrained() {}

    /**
     * Builds {@code builder} pretrained or not per {@code mode} ({@code auto}, {@code true} or
     * {@code false}); in {@code auto} mode weights that cannot be loaded give a note and a model
     * trained from scratch.
     */
    static Learner build(VisionLearner.Builder builder, String mode, ExampleRun run) {
        if (mode.equals("false")) {
            run.say("pretrained weights off (--pretrained false): training from scratch");
            return builder.optPretrained(false).build();
        }
        try {
            Learner learn = builder.optPretrained(true).build();
            run.say("loaded ImageNet weights: the body is frozen, as fastai's vision_learner");
            return learn;
        } catch (UncheckedIOException e) {
            if (mode.equals("true")) {
                throw e;
            }
            run.say("NOTE: no pretrained weights here (%s)", e.getMessage());
            run.say("NOTE: training from scratch instead: VisionLearner.builder(...).optPretrained(false)");
            return builder.optPretrained(false).build();
        }
    }
}
