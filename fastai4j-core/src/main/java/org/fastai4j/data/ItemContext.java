package org.fastai4j.data;

/**
 * What an item transform may know about the draw: a seed unique to (run seed, epoch, item) and
 * whether the item is for training (random transforms act only when it is, as fastai's
 * {@code split_idx}).
 *
 * @param seed the seed for this item's random draws
 * @param training true for the training set
 */
public record ItemContext(long seed, boolean training) {}
