package org.fastai4j.learner;

import org.fastai4j.data.DataLoader;

/**
 * fastai's {@code Learner.tta}: {@code n} passes over {@code dl} with the training-mode (random)
 * transforms ({@link DataLoader#augmentedDl()}), pass {@code i} iterated as epoch {@code i} (its
 * random draws); their
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
        float[][] acc = null;
        for (int i = 0; i < n; i++) {
            float[][] a = learn.getPreds(new Pass(aug, i), false, false, false).activations();
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
    }

    /** A loader that iterates {@code inner} as epoch {@code pass}, whatever epoch it is asked for. */
    private record Pass(DataLoader inner, int pass) implements DataLoader {
        @Override public int size() { return inner.size(); }
        @Override public int itemCount() { return inner.itemCount(); }
        @Override public int bs() { return inner.bs(); }
        @Override public boolean training() { return inner.training(); }
        @Override public java.util.Optional<org.fastai4j.data.Vocab> vocab() { return inner.vocab(); }
        @Override public ai.djl.Device device() { return inner.device(); }
        @Override public CloseableIterator<org.fastai4j.data.Batch> iterator(ai.djl.ndarray.NDManager parent, int epoch) {
            return inner.iterator(parent, pass);
        }
        @Override public org.fastai4j.data.Batch itemsAt(int[] indices, ai.djl.ndarray.NDManager parent) {
            return inner.itemsAt(indices, parent);
        }
        @Override public ai.djl.ndarray.NDArray decodeInputs(ai.djl.ndarray.NDArray x) { return inner.decodeInputs(x); }
        @Override public String describeItem(int index) { return inner.describeItem(index); }
        @Override public java.util.List<org.fastai4j.data.BatchTransform> batchTfms() { return inner.batchTfms(); }
    }

    /** torch.lerp on floats. */
    static float lerp(float start, float end, float w) {
        return w < 0.5f ? start + w * (end - start) : end - (end - start) * (1 - w);
    }
}
