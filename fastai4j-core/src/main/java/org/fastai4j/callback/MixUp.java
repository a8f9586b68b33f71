package org.fastai4j.callback;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.fastai4j.learner.Learner;

/**
 * fastai's {@code MixUp} (Zhang et al.): during training each batch is blended with a shuffled
 * copy of itself. Per item {@code lam ~ Beta(alpha, alpha)}, then {@code lam = max(lam, 1-lam)}
 * so the original dominates; inputs become {@code lerp(x[perm], x, lam)}. For class-index targets
 * ({@link org.fastai4j.losses.Loss#yInt()}) the loss becomes {@code mean(lerp(loss(pred,
 * y[perm]), loss(pred, y), lam))} (set after the loss is computed); other targets are blended like
 * the inputs. Randomness: batch {@code k} seen by this callback draws from {@code Seeds.derive(seed,
 * k)}.
 */
public final class MixUp extends MixHandler {

    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 42;

    /** fastai's default: alpha 0.4. */
    public MixUp() {
        this(0.4);
    }

    /** @param alpha the Beta distribution's parameter, > 0 */
    public MixUp(double alpha) {
        this(alpha, DEFAULT_SEED);
    }

    /**
     * @param alpha the Beta distribution's parameter, > 0
     * @param seed the seed of the lam draws and shuffles
     */
    public MixUp(double alpha, long seed) {
        super(alpha, seed);
    }

    @Override
    void mix(Learner learn) {
        NDList xb = learn.xb();
        NDList yb = learn.yb();
        int n = (int) yb.get(0).getShape().get(0);
        SplittableRandom random = nextRandom();
        float[] lams = new float[n];
        for (int i = 0; i < n; i++) {
            double l = sampleLam(random);
            lams[i] = (float) Math.max(l, 1 - l);
        }
        long[] perm = BetaSampler.permutation(n, random);
        NDManager bm = learn.batchManager();
        lam = bm.create(lams).toDevice(xb.get(0).getDevice(), false);
        NDArray permArray = bm.create(perm).toDevice(xb.get(0).getDevice(), false);
        NDList mixed = new NDList();
        for (NDArray x : xb) {
            mixed.add(Mixing.lerpRows(Mixing.shuffle(x, permArray), x, lam));
        }
        learn.setXb(mixed);
        yShuffled = Mixing.shuffle(yb.get(0), permArray.toDevice(yb.get(0).getDevice(), false));
        if (!stackY) {
            NDList ys = new NDList();
            for (NDArray y : yb) {
                ys.add(Mixing.lerpRows(Mixing.shuffle(y, permArray.toDevice(y.getDevice(), false)), y, lam));
            }
            learn.setYb(ys);
        }
    }
}
