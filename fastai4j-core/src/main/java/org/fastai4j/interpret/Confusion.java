package org.fastai4j.interpret;

/**
 * One off-diagonal cell of a confusion matrix, as {@code most_confused} lists them.
 *
 * @param actual the actual class
 * @param predicted the class predicted instead
 * @param count how many items
 */
public record Confusion(String actual, String predicted, int count) {
}
