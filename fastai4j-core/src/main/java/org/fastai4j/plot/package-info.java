/**
 * Pictures: {@link org.fastai4j.plot.Figure} (an image to save as PNG or show), image grids drawn
 * with Java2D ({@link org.fastai4j.plot.ImageGrid}, {@link org.fastai4j.plot.Images}), charts
 * through XChart ({@link org.fastai4j.plot.Charts}) and the confusion-matrix heat map
 * ({@link org.fastai4j.plot.ConfusionMatrixPlot}). Everything renders headless
 * ({@code -Djava.awt.headless=true}) with the logical "SansSerif" font.
 */
package org.fastai4j.plot;
