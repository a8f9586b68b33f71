package org.fastai4j.learner;

/** CONTRACT SKELETON: fastai's {@code Recorder} (per-batch lrs, moms, losses, smoothed losses; per-epoch values; plotLoss, plotSched). */
public class Recorder implements Callback {
}
