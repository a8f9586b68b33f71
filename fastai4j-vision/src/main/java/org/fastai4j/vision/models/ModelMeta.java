package org.fastai4j.vision.models;

import java.util.List;

/**
 * fastai's {@code model_meta} entry for an architecture: where to cut the body
 * ({@code cut}, counted from the end of {@link CnnModel#layers()} when negative), where the body is split
 * into the first two parameter groups ({@code split}: fastai's {@code _resnet_split} splits the body at 6,
 * {@code _xresnet_split} at 3; the head is the third group), and the normalization statistics.
 *
 * @param cut the body cut index ({@code -2} for resnets: before avgpool and fc)
 * @param split the index in the body where the second parameter group starts
 * @param mean per-channel means the pretrained weights expect (null: none)
 * @param std per-channel standard deviations (null: none)
 */
public record ModelMeta(int cut, int split, List<Float> mean, List<Float> std) {

    /** ImageNet's per-channel means, fastai's {@code imagenet_stats[0]}. */
    public static final List<Float> IMAGENET_MEAN = List.of(0.485f, 0.456f, 0.406f);
    /** ImageNet's per-channel standard deviations, fastai's {@code imagenet_stats[1]}. */
    public static final List<Float> IMAGENET_STD = List.of(0.229f, 0.224f, 0.225f);

    /** fastai's {@code _resnet_meta}: cut -2, split [:6] [6:] head, ImageNet stats. */
    public static final ModelMeta RESNET = new ModelMeta(-2, 6, IMAGENET_MEAN, IMAGENET_STD);
    /** fastai's {@code _xresnet_meta}: cut -4, split [:3] [3:] head, ImageNet stats. */
    public static final ModelMeta XRESNET = new ModelMeta(-4, 3, IMAGENET_MEAN, IMAGENET_STD);
    /** fastai's {@code _default_meta} for a simple CNN: cut before the pool, two groups (body, head). */
    public static final ModelMeta SIMPLE = new ModelMeta(-1, 0, null, null);
}
