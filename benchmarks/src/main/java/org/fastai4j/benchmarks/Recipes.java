package org.fastai4j.benchmarks;

import ai.djl.nn.Block;
import org.fastai4j.vision.models.HeadOptions;
import org.fastai4j.vision.models.ResNets;
import org.fastai4j.vision.models.VisionModels;

/** The models the benchmarks train, built as fastai builds them. */
final class Recipes {
    private Recipes() {}

    /**
     * fastai's {@code vision_learner(dls, resnet18, pretrained=False)} model: torchvision's resnet18
     * body cut before its pool, then fastai's default head (concat pool, BN, dropout, 1024→512→nOut).
     */
    static Block visionResnet18(int nOut) {
        return VisionModels.createVisionModel(ResNets.resnet18(1000), 512, nOut, HeadOptions.defaults());
    }
}
