/**
 * Models as DJL blocks with PyTorch's layouts and parameter names: torchvision's ResNets
 * ({@link org.fastai4j.vision.models.ResNets}), fastai's {@link org.fastai4j.vision.models.XResNet} and
 * {@link org.fastai4j.vision.models.SimpleCnn}, fastai's head ({@link org.fastai4j.vision.models.Heads}),
 * body cutting and parameter-group splitters ({@link org.fastai4j.vision.models.VisionModels}), torch's
 * BatchNorm semantics ({@link org.fastai4j.vision.models.TorchBatchNorm}) and initializers.
 */
package org.fastai4j.vision.models;
