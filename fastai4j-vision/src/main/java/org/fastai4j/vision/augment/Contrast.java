package org.fastai4j.vision.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Contrast} ({@code _ContrastLogit}): with probability {@code p} each image gets
 * {@code c = exp(u)}, {@code u} uniform in [log(1-maxLighting), -log(1-maxLighting)] (else 1), and
 * becomes {@code sigmoid(logit(x) * c)}: {@code c = 1} changes nothing, larger is more contrast.
 */
public final class Contrast extends LightingTransform {
    /** fastai's default: {@code Contrast(max_lighting=0.2, p=0.75)}. */
    public Contrast() {
        this(0.2, 0.75, false);
    }

    /**
     * @param maxLighting largest change, in [0, 1)
     * @param p probability of changing each image
     * @param batch one draw for the whole batch
     */
    public Contrast(double maxLighting, double p, boolean batch) {
        super(List.of(new Source(Brightness.checkLighting(maxLighting), Draws.probability("p", p),
                batch)));
    }

    /** The contrast source: draws {@code c}, scales logits by it. */
    record Source(double maxLighting, double p, boolean batch) implements LogitSource {
        @Override
        public double[] draw(int n, SplittableRandom rng) {
            double lo = Math.log(1 - maxLighting);
            return Draws.masked(rng, n, batch, p, 1.0, r -> Math.exp(Draws.uniform(r, lo, -lo)));
        }

        @Override
        public double scale(double c) {
            return c;
        }

        @Override
        public double shift(double c) {
            return 0;
        }

        @Override
        public long salt() {
            return 0x436F6E74L; // "Cont"
        }

        @Override
        public String describe() {
            return "Contrast(maxLighting=" + maxLighting + ", p=" + p + ")";
        }
    }
}
