package org.fastai4j.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting as Python's {@code f'{x:.Nf}'}: the exact binary value rounded half-even. In
 * {@code core} so that every layer (the plots included) prints numbers as fastai does.
 */
public final class Formats {
    private Formats() {
    }

    /**
     * Formats a number with a fixed count of decimals, as Python's {@code f'{x:.Nf}'} (and
     * {@code '%.Nf' % x}) does, including the sign of a negative value that rounds to zero
     * ({@code "-0.00"} for {@code -0.001} or {@code -0.0}).
     *
     * @param x the value
     * @param digits the number of decimals, {@code >= 0}
     * @return {@code x} with {@code digits} decimals and no exponent, rounded half-even from its
     *     exact binary value; {@code "nan"}, {@code "inf"} or {@code "-inf"} for those values
     */
    public static String fixed(double x, int digits) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN);
        // BigDecimal has no negative zero; Python keeps the sign (-0.001 and -0.0 print as -0.00)
        boolean negative = x < 0 || Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(-0.0);
        String s = rounded.toPlainString();
        return negative && rounded.signum() == 0 ? "-" + s : s;
    }
}
