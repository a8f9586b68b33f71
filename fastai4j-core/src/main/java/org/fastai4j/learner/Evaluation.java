package org.fastai4j.learner;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fastai4j.data.DataLoader;

/** {@link Learner#validate} and {@link Learner#getPreds}: fastai's validation context on a loader. */
final class Evaluation {
    private Evaluation() {}

    static double[] validate(Learner learn, DataLoader dl) {
        Recorder temp = learn.recorder() == null ? new Recorder() : null;
        if (temp != null) {
            learn.addCb(temp);
        }
        try {
            learn.runValidation(dl);
            double[] record = learn.recorder().finalRecord();
            return Arrays.copyOfRange(record, 1, record.length);
        } finally {
            if (temp != null) {
                learn.removeCb(temp);
            }
        }
    }

    static Preds getPreds(Learner learn, DataLoader dl, boolean withDecoded, boolean withLoss) {
        return getPreds(learn, dl, false, withDecoded, withLoss);
    }

    static Preds getPreds(Learner learn, DataLoader dl, boolean withInput, boolean withDecoded, boolean withLoss) {
        Gather cb = new Gather(withDecoded, withLoss);
        cb.withInput = withInput;
        learn.addCb(cb);
        try {
            learn.runValidation(dl);
        } finally {
            learn.removeCb(cb);
        }
        return cb.preds();
    }

    /** fastai's {@code GatherPredsCallback}, keeping plain Java rows. */
    static final class Gather implements Callback {
        private final boolean withDecoded;
        private final boolean withLoss;
        private final List<float[]> acts = new ArrayList<>();
        private final List<float[]> targets = new ArrayList<>();
        private final List<float[]> decoded = new ArrayList<>();
        private final List<Float> losses = new ArrayList<>();
        private final List<Integer> indices = new ArrayList<>();
        private final List<float[]> inputs = new ArrayList<>();
        private boolean withInput;

        Gather(boolean withDecoded, boolean withLoss) {
            this.withDecoded = withDecoded;
            this.withLoss = withLoss;
        }

        @Override
        public void afterBatch(Learner learn) {
            if (learn.pred() == null) {
                return;
            }
            NDArray act = learn.lossFunc().activation(learn.pred());
            int n = (int) act.getShape().get(0);
            acts.addAll(rows(act, n));
            if (withDecoded) {
                decoded.addAll(rows(learn.lossFunc().decodes(act), n));
            }
            if (!learn.yb().isEmpty()) {
                targets.addAll(rows(learn.yb().head(), n));
                if (withLoss) {
                    for (float v : learn.lossFunc().perItem(learn.pred(), learn.yb().head())
                            .toType(DataType.FLOAT32, false).toFloatArray()) {
                        losses.add(v);
                    }
                }
            }
            if (withInput) {
                inputs.addAll(rows(learn.xb().head(), n));
            }
            for (int i : learn.batchIndices()) {
                indices.add(i);
            }
        }

        private static List<float[]> rows(NDArray a, int n) {
            float[] flat = a.toType(DataType.FLOAT32, false).toFloatArray();
            int width = n == 0 ? 0 : flat.length / n;
            List<float[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Arrays.copyOfRange(flat, i * width, (i + 1) * width));
            }
            return out;
        }

        Preds preds() {
            float[] l = null;
            if (withLoss) {
                l = new float[losses.size()];
                for (int i = 0; i < l.length; i++) {
                    l[i] = losses.get(i);
                }
            }
            return new Preds(acts.toArray(new float[0][]), targets.toArray(new float[0][]),
                    withDecoded ? decoded.toArray(new float[0][]) : null, l,
                    indices.stream().mapToInt(Integer::intValue).toArray(),
                    withInput ? inputs.toArray(new float[0][]) : null);
        }
    }
}
