/**
 * Looking at results, fastai's {@code interpret}: {@link
 * org.fastai4j.interpret.ClassificationInterpretation} (confusion matrix, most confused pairs, top
 * losses, the classification report) holding only Java arrays, {@link
 * org.fastai4j.interpret.Results} ({@code show_results}), and {@link
 * org.fastai4j.interpret.ItemRenderer}s that fetch an item again from its loader by index and draw
 * it as the model saw it.
 */
package org.fastai4j.interpret;
