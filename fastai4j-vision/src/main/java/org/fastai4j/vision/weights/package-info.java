/**
 * Pretrained weights: torchvision's ImageNet weights registry ({@link org.fastai4j.vision.weights.PretrainedWeights})
 * and the store that finds them in PyTorch's cache or downloads them ({@link org.fastai4j.vision.weights.Weights}).
 */
package org.fastai4j.vision.weights;
