package org.fastai4j.learner;

/**
 * fastai's learning-rate suggestion functions ({@code valley}, {@code slide}, {@code minimum},
 * {@code steep} in {@code callback/schedule.py}) on an LR-finder curve. fastai runs them on
 * float32 tensors; the inputs are rounded to float32 here too, so the suggested values are
 * fastai's. Each returns the suggestion and the point (lr, loss) fastai marks on the plot.
 */
public final class LrSuggestions {
    private LrSuggestions() {}

    /** A suggested learning rate and the point marked on the plot. */
    public record Suggestion(double lr, double pointLr, double pointLoss) {
        static final Suggestion NONE = new Suggestion(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * fastai's {@code valley}: in the longest run of decreasing losses (longest decreasing
     * subsequence, from {@code start} to {@code end}), the point {@code start + int(len/3) +
     * int(len/6)} where {@code len = end - start}.
     *
     * @param lrs the learning rate of each batch of the sweep
     * @param losses the smoothed loss of each batch of the sweep
     * @return the suggested lr and the point it marks
     */
    public static Suggestion valley(double[] lrs, double[] losses) {
        int n = losses.length;
        if (n == 0) {
            return Suggestion.NONE;
        }
        float[] l = f32(losses);
        int maxStart = 0;
        int maxEnd = 0;
        int[] lds = new int[n];
        java.util.Arrays.fill(lds, 1);
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (l[i] < l[j] && lds[i] < lds[j] + 1) {
                    lds[i] = lds[j] + 1;
                }
                if (lds[maxEnd] < lds[i]) {
                    maxEnd = i;
                    maxStart = maxEnd - lds[maxEnd];
                }
            }
        }
        double sections = (maxEnd - maxStart) / 3.0;
        int idx = maxStart + (int) sections + (int) (sections / 2);
        double lr = (float) lrs[idx];
        return new Suggestion(lr, lr, l[idx]);
    }

    /**
     * fastai's {@code slide} with its defaults (lr_diff 15, thresh 0.005, adjust_value 1).
     *
     * @param lrs the learning rate of each batch of the sweep
     * @param losses the smoothed loss of each batch of the sweep
     * @return the suggested lr and the point it marks
     */
    public static Suggestion slide(double[] lrs, double[] losses) {
        return slide(lrs, losses, 15, 0.005, 1.0);
    }

    /**
     * fastai's {@code slide}: NaN when the curve is shorter than {@code lrDiff + 1} points.
     *
     * @param lrs the learning rate of each batch of the sweep
     * @param losses the smoothed loss of each batch of the sweep
     * @param lrDiff the window length, in points
     * @param thresh the largest change of the loss gradient across the window still counted as flat
     * @param adjustValue the factor applied to the suggested lr
     * @return the suggested lr and the point it marks
     */
    public static Suggestion slide(double[] lrs, double[] losses, int lrDiff, double thresh, double adjustValue) {
        int n = losses.length;
        if (n < lrDiff + 1 || n < 2) {
            return Suggestion.NONE;
        }
        float[] l = f32(losses);
        float[] grad = new float[n];
        grad[0] = l[1] - l[0];
        grad[n - 1] = l[n - 1] - l[n - 2];
        for (int i = 1; i < n - 1; i++) {
            grad[i] = (l[i + 1] - l[i - 1]) / 2.0f;
        }
        int r = n - 1;
        int li = r - lrDiff;
        double localMin = (float) lrs[li];
        while (li >= 0 && Math.abs(grad[r] - grad[li]) > thresh) {
            localMin = (float) lrs[li];
            r--;
            li--;
        }
        double suggestion = localMin * adjustValue;
        return new Suggestion(suggestion, suggestion, interpLog10(suggestion, lrs, l));
    }

    /**
     * fastai's {@code minimum}: a tenth of the lr of the lowest loss.
     *
     * @param lrs the learning rate of each batch of the sweep
     * @param losses the smoothed loss of each batch of the sweep
     * @return the suggested lr and the point it marks
     */
    public static Suggestion minimum(double[] lrs, double[] losses) {
        if (losses.length == 0) {
            return Suggestion.NONE;
        }
        float[] l = f32(losses);
        int arg = argmin(l);
        double lrMin = (float) lrs[arg];
        return new Suggestion(lrMin / 10, lrMin, l[closest(lrs, lrMin)]);
    }

    /**
     * fastai's {@code steep}: the lr where the loss falls fastest per log-lr.
     *
     * @param lrs the learning rate of each batch of the sweep
     * @param losses the smoothed loss of each batch of the sweep
     * @return the suggested lr and the point it marks
     */
    public static Suggestion steep(double[] lrs, double[] losses) {
        int n = losses.length;
        if (n < 2) {
            return Suggestion.NONE;
        }
        float[] l = f32(losses);
        float[] grads = new float[n - 1];
        for (int i = 0; i < n - 1; i++) {
            float dlog = (float) Math.log((float) lrs[i + 1]) - (float) Math.log((float) lrs[i]);
            grads[i] = (l[i + 1] - l[i]) / dlog;
        }
        double lrSteep = (float) lrs[argmin(grads)];
        return new Suggestion(lrSteep, lrSteep, l[closest(lrs, lrSteep)]);
    }

    private static float[] f32(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) v[i];
        }
        return out;
    }

    private static int argmin(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best] || (Float.isNaN(v[i]) && !Float.isNaN(v[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static int closest(double[] lrs, double target) {
        int best = 0;
        for (int i = 1; i < lrs.length; i++) {
            if (Math.abs((float) lrs[i] - target) < Math.abs((float) lrs[best] - target)) {
                best = i;
            }
        }
        return best;
    }

    /** numpy's {@code interp(log10(x), log10(lrs), losses)} for increasing lrs. */
    private static double interpLog10(double x, double[] lrs, float[] losses) {
        double lx = Math.log10(x);
        int n = lrs.length;
        double first = Math.log10((float) lrs[0]);
        if (lx <= first) {
            return losses[0];
        }
        for (int i = 1; i < n; i++) {
            double a = Math.log10((float) lrs[i - 1]);
            double b = Math.log10((float) lrs[i]);
            if (lx <= b) {
                return b == a ? losses[i] : losses[i - 1] + (lx - a) / (b - a) * (losses[i] - losses[i - 1]);
            }
        }
        return losses[n - 1];
    }
}
