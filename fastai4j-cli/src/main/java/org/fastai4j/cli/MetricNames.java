package org.fastai4j.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.fastai4j.metrics.Average;
import org.fastai4j.metrics.Metric;
import org.fastai4j.metrics.Metrics;

/** Metrics the command accepts, by fastai's names. */
final class MetricNames {
    private static final Map<String, Supplier<Metric>> BY_NAME = Map.of(
            "accuracy", Metrics::accuracy,
            "error_rate", Metrics::errorRate,
            "top_k_accuracy", Metrics::topKAccuracy,
            "precision_macro", () -> Metrics.precision(Average.MACRO, 1),
            "recall_macro", () -> Metrics.recall(Average.MACRO, 1),
            "f1_macro", () -> Metrics.f1Score(Average.MACRO, 1),
            "f1_weighted", () -> Metrics.f1Score(Average.WEIGHTED, 1),
            "matthews_corrcoef", Metrics::matthewsCorrCoef);

    private MetricNames() {}

    static List<Metric> parse(List<String> names) {
        return names.stream().map(String::trim).filter(n -> !n.isEmpty()).map(n -> {
            Supplier<Metric> s = BY_NAME.get(n.toLowerCase(Locale.ROOT));
            if (s == null) {
                throw new IllegalArgumentException("unknown metric '" + n + "'; expected one of "
                        + BY_NAME.keySet().stream().sorted().toList());
            }
            return s.get();
        }).toList();
    }
}
