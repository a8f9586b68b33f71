package org.fastai4j.learner;

import org.fastai4j.data.DataLoader;

/**
 * fastai's {@code Learner.tta}: {@code n} passes over {@code dl} with the training-mode (random)
 * transforms ({@link DataLoader#augmentedDl()}), pass {@code i} drawn as epoch {@code i}; their
 * mean (or max with {@code useMax}); one plain pass; then {@code torch.lerp(aug, plain, beta)} =
 * {@code aug + beta·(plain − aug)}, i.e. {@code (1−beta)·aug + beta·plain}, or with {@code useMax}
 * the element-wise max of both. Float32 arithmetic in torch's order (lerp: {@code start +
 * w·(end − start)} for {@code w < 0.5}, else {@code end − (end − start)·(1 − w)}).
 */
final class Tta {
    private Tta() {}

    static Preds tta(Learner learn, DataLoader dl, int n, double beta, boolean useMax) {
        if (n < 1) {
            throw new IllegalArgumentException("tta needs n >= 1 augmented passes, got " + n);
        }
        if (!useMax && !(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("tta beta must be in [0, 1], got " + beta);
        }
        DataLoader aug = dl.augmentedDl();
        int savedEpoch = learn.epoch();
        float[][] acc = null;
        try {
            for (int i = 0; i < n; i++) {
                learn.setEpoch(i);
                float[][] a = learn.getPreds(aug, false, false, false).activations();
                if (acc == null) {
                    acc = new float[a.length][];
                    for (int r = 0; r < a.length; r++) {
                        acc[r] = a[r].clone();
                    }
                } else {
                    for (int r = 0; r < a.length; r++) {
                        for (int c = 0; c < a[r].length; c++) {
                            acc[r][c] = useMax ? Math.max(acc[r][c], a[r][c]) : acc[r][c] + a[r][c];
                        }
                    }
                }
            }
            learn.setEpoch(n);
            Preds plain = learn.getPreds(dl, false, false, false);
            float[][] p = plain.activations();
            float[][] out = new float[p.length][];
            float w = (float) beta;
            for (int r = 0; r < p.length; r++) {
                out[r] = new float[p[r].length];
                for (int c = 0; c < p[r].length; c++) {
                    float start = useMax ? acc[r][c] : acc[r][c] / n;
                    float end = p[r][c];
                    out[r][c] = useMax ? Math.max(end, start) : lerp(start, end, w);
                }
            }
            return new Preds(out, plain.targets(), null, null, plain.indices());
        } finally {
            learn.setEpoch(savedEpoch);
        }
    }

    /** torch.lerp on floats. */
    static float lerp(float start, float end, float w) {
        return w < 0.5f ? start + w * (end - start) : end - (end - start) * (1 - w);
    }
}
