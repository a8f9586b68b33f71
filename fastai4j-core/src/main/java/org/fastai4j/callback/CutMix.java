package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code CutMix} (Yun et al.): during training a box of each image (inputs N×C×H×W) is
 * replaced by the same box of a shuffled image. One {@code lam ~ Beta(alpha, alpha)} per batch
 * sizes the box ({@code sqrt(1-lam)} of each side, centred on a uniform pixel, clamped); the
 * weight of the original becomes {@code 1 - box area / image area}, and the loss or targets are
 * mixed with it as in {@link MixUp}. Randomness: batch {@code k} seen by this callback draws from
 * {@code Seeds.derive(seed, k)}.
 */
public final class CutMix extends MixHandler {

    /** fastai's default: alpha 1. */
    public CutMix() {
        this(1.0);
    }

    /** @param alpha the Beta distribution's parameter, > 0 */
    public CutMix(double alpha) {
        this(alpha, MixUp.DEFAULT_SEED);
    }

    /**
     * @param alpha the Beta distribution's parameter, > 0
     * @param seed the seed of the draws
     */
    public CutMix(double alpha, long seed) {
        super(alpha, seed);
    }

    @Override
    void mix(Learner learn) {
        NDList xb = learn.xb();
        NDArray x = xb.get(0);
        Shape s = x.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("CutMix needs image batches N×C×H×W, got input of shape " + s);
        }
        int n = (int) s.get(0);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        SplittableRandom random = nextRandom();
        double lam0 = sampleLam(random);
        long[] perm = BetaSampler.permutation(n, random);
        int[] box = Mixing.randBox(w, h, lam0, random);
        NDManager bm = learn.batchManager();
        NDArray permArray = bm.create(perm).toDevice(x.getDevice(), false);
        NDList mixed = new NDList();
        mixed.add(Mixing.pasteBox(x, Mixing.shuffle(x, permArray), box));
        for (int i = 1; i < xb.size(); i++) {
            mixed.add(xb.get(i));
        }
        learn.setXb(mixed);
        NDArray y = learn.yb().get(0);
        yShuffled = Mixing.shuffle(y, permArray.toDevice(y.getDevice(), false));
        float weight = (float) Mixing.boxLam(box, w, h);
        lam = bm.create(weight).toDevice(x.getDevice(), false);
        if (!stackY) {
            NDArray lams = bm.full(new Shape(n), weight).toDevice(y.getDevice(), false);
            learn.setYb(new NDList(Mixing.lerpRows(yShuffled, y, lams)));
        }
    }
}
