package org.fastai4j.learner;

/** CONTRACT SKELETON: the builder of {@link Learner} (optLossFunc, optOptFunc, addMetric, optSplitter, addCallback, optPath, optWd, optSeed, optSilent, build). */
public final class LearnerBuilder {
    LearnerBuilder() {}
}
