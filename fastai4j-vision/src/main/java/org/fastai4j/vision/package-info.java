/**
 * Vision, high level: {@link org.fastai4j.vision.ImageDataLoaders} (fastai's constructors
 * {@code fromFolder}, {@code fromNameFunc}, {@code fromPathFunc}, {@code fromNameRe}, {@code
 * fromCsv}, {@code fromLists}, each a thin builder over a public {@code DataBlock}; {@code
 * showBatch}, {@code verifyImages}). Bad images: by default the first batch touching one fails
 * with an {@code ItemLoadException} whose cause is an {@code ImageDecodeException} naming the
 * file; {@code optSkipBad(true)} checks every image at build time and skips the bad ones with one
 * warning; {@code verifyImages} lists them up front.
 */
package org.fastai4j.vision;
