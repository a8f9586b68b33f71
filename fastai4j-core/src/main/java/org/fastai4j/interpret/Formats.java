package org.fastai4j.interpret;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting as Python's {@code f'{x:.Nf}'}: the exact binary value rounded half-even. */
public final class Formats {
    private Formats() {
    }

    /** {@code x} with {@code digits} decimals, as Python formats it ("nan", "inf" for those). */
    public static String fixed(double x, int digits) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }
}
