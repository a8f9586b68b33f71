package org.fastai4j.vision.augment;

import java.util.List;
import java.util.SplittableRandom;

/**
 * fastai's {@code Brightness} ({@code _BrightnessLogit}): with probability {@code p} each image
 * gets {@code b} drawn uniformly in [0.5(1-maxLighting), 0.5(1+maxLighting)] (else 0.5) and
 * becomes {@code sigmoid(logit(x) + logit(b))}: {@code b = 0.5} changes nothing, larger is
 * brighter.
 */
public final class Brightness extends LightingTransform {
    /** fastai's default: {@code Brightness(max_lighting=0.2, p=0.75)}. */
    public Brightness() {
        this(0.2, 0.75, false);
    }

    /**
     * @param maxLighting largest change, in [0, 1)
     * @param p probability of changing each image
     * @param batch one draw for the whole batch
     */
    public Brightness(double maxLighting, double p, boolean batch) {
        super(List.of(new Source(checkLighting(maxLighting), Draws.probability("p", p), batch)));
    }

    static double checkLighting(double maxLighting) {
        if (!(maxLighting >= 0 && maxLighting < 1)) {
            throw new IllegalArgumentException("maxLighting must be in [0, 1), got " + maxLighting);
        }
        return maxLighting;
    }

    /** The brightness source: draws {@code b}, shifts logits by {@code logit(b)}. */
    record Source(double maxLighting, double p, boolean batch) implements LogitSource {
        @Override
        public double[] draw(int n, SplittableRandom rng) {
            return Draws.masked(rng, n, batch, p, 0.5,
                    r -> Draws.uniform(r, 0.5 * (1 - maxLighting), 0.5 * (1 + maxLighting)));
        }

        @Override
        public double scale(double b) {
            return 1;
        }

        @Override
        public double shift(double b) {
            return LightingTransform.logit(b);
        }

        @Override
        public long salt() {
            return 0x42726967L; // "Brig"
        }

        @Override
        public String describe() {
            return "Brightness(maxLighting=" + maxLighting + ", p=" + p + ")";
        }
    }
}
