package org.fastai4j.learner;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns libtorch's (per-thread) autograd recording off for a scope and restores it after, as
 * {@code torch.no_grad()}: validation and optimizer steps must not build a graph.
 */
final class GradMode implements AutoCloseable {
    private final boolean pytorch;
    private final boolean previous;

    private GradMode() {
        pytorch = "PyTorch".equals(Engine.getInstance().getEngineName());
        previous = pytorch && JniUtils.isGradMode();
        if (pytorch) {
            JniUtils.setGradMode(false);
        }
    }

    /** Disables gradient recording until {@link #close()}. */
    static GradMode disabled() {
        return new GradMode();
    }

    @Override
    public void close() {
        if (pytorch) {
            JniUtils.setGradMode(previous);
        }
    }
}
