package org.fastai4j.data;

/**
 * One item after its item transforms, in host memory: input {@code x}, target {@code y}, and its
 * index in the dataset it came from (so interpretation can fetch it again).
 *
 * @param x the input (e.g. an H×W×3 uint8 image, or C×H×W float after item transforms)
 * @param y the target (class index, multi-hot vector or regression values)
 * @param index the item's index in its dataset
 */
public record Sample(HostTensor x, HostTensor y, int index) {}
