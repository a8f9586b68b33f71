package org.fastai4j.data;

import ai.djl.ndarray.NDManager;

/**
 * What a batch transform may know: whether the batch is for training, a seed unique to
 * (run seed, epoch, batch), and the batch's manager, which owns every array it creates.
 *
 * @param training true for the training set
 * @param seed the seed for this batch's random draws
 * @param manager the batch scope
 */
public record BatchContext(boolean training, long seed, NDManager manager) {}
