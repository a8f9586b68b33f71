package org.fastai4j.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** fastai's TrackerCallback comparisons: comp by name, min_delta sign, reset to +-inf. */
class TrackerTest {

    @Test
    void comparisonByNameAsFastai() {
        assertThat(Comparison.forMonitor("valid_loss")).isEqualTo(Comparison.LESS);
        assertThat(Comparison.forMonitor("train_loss")).isEqualTo(Comparison.LESS);
        assertThat(Comparison.forMonitor("error_rate")).isEqualTo(Comparison.LESS);
        assertThat(Comparison.forMonitor("accuracy")).isEqualTo(Comparison.GREATER);
        assertThat(Comparison.forMonitor("f1_score")).isEqualTo(Comparison.GREATER);
    }

    @Test
    void lossMustDropByMoreThanMinDelta() {
        // LESS with min_delta 0.1: fastai negates it, so 'new best' is val + 0.1 < best.
        Tracker t = new Tracker("valid_loss", null, 0.1);
        assertThat(t.best()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(t.update(1.0)).isTrue();
        assertThat(t.update(0.95)).as("0.95 + 0.1 is not below 1.0").isFalse();
        assertThat(t.best()).isEqualTo(1.0);
        assertThat(t.update(0.85)).as("0.85 + 0.1 < 1.0").isTrue();
        assertThat(t.best()).isEqualTo(0.85);
        assertThat(t.update(Double.NaN)).isFalse();
    }

    @Test
    void metricMustRiseByMoreThanMinDelta() {
        Tracker t = new Tracker("accuracy", null, 0.01);
        assertThat(t.best()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(t.update(0.5)).isTrue();
        assertThat(t.update(0.505)).isFalse();
        assertThat(t.update(0.52)).isTrue();
        t.reset();
        assertThat(t.best()).isEqualTo(Double.NEGATIVE_INFINITY);
        // an explicit comparison wins over the name
        Tracker forced = new Tracker("accuracy", Comparison.LESS, 0);
        assertThat(forced.update(0.5)).isTrue();
        assertThat(forced.update(0.6)).isFalse();
        // with min_delta 0 an equal value is not a new best
        assertThat(forced.update(0.5)).isFalse();
    }

    @Test
    void badArguments() {
        assertThatThrownBy(() -> new Tracker("", null, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monitor");
        assertThatThrownBy(() -> new Tracker("valid_loss", null, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minDelta").hasMessageContaining("-1");
    }
}
