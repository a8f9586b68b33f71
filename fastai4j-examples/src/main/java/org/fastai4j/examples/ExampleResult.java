package org.fastai4j.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an example run gives back (and prints): its headline metric after training, other numbers
 * worth checking (e.g. the learning rates the finder suggested) and the files it wrote.
 *
 * @param example the example's name
 * @param metric the name of the headline metric (fastai's column name, e.g. {@code error_rate})
 * @param value its value on the validation set after the last epoch
 * @param numbers other named results, in the order printed
 * @param files the files written, in order
 */
public record ExampleResult(String example, String metric, double value, Map<String, Double> numbers,
        List<Path> files) {

    /**
     * Copies the collections.
     *
     * @param example the example's name
     * @param metric the headline metric's name
     * @param value its value
     * @param numbers other named results
     * @param files the files written
     */
    public ExampleResult {
        numbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
        files = List.copyOf(files);
    }
}
