package org.fastai4j.learner;

import java.util.Locale;

/** fastprogress's {@code format_time}: whole seconds as {@code mm:ss}, or {@code h:mm:ss}. */
final class FormatTime {
    private FormatTime() {}

    static String format(double seconds) {
        long t = (long) seconds;
        long h = t / 3600;
        long m = (t / 60) % 60;
        long s = t % 60;
        return h != 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%02d:%02d", m, s);
    }
}
