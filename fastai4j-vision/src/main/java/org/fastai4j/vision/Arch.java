package org.fastai4j.vision;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.fastai4j.vision.models.CnnModel;
import org.fastai4j.vision.models.ResNets;
import org.fastai4j.vision.models.XResNet;

/**
 * The architectures a {@link VisionLearner} can be built on: torchvision's ResNet family (with
 * ImageNet weights) and fastai's XResNets (trained from scratch). {@link #id()} is the name fastai
 * and torchvision use ({@code resnet34}). Parameter counts below are those of the whole 1000-class
 * ImageNet model; the versions are torchvision's ({@code IMAGENET1K_V1}, {@code IMAGENET1K_V2}),
 * the default being what fastai's {@code vision_learner} loads.
 */
public enum Arch {
    /** torchvision resnet18: basic blocks [2, 2, 2, 2], 512 body features, 11.7 M parameters; ImageNet weights V1. */
    RESNET18("resnet18", 512, true, ResNets::resnet18),
    /** torchvision resnet34: basic blocks [3, 4, 6, 3], 512 body features, 21.8 M parameters; ImageNet weights V1. */
    RESNET34("resnet34", 512, true, ResNets::resnet34),
    /** torchvision resnet50: bottlenecks [3, 4, 6, 3], 2048 body features, 25.6 M parameters; ImageNet weights V1, V2 (default). */
    RESNET50("resnet50", 2048, true, ResNets::resnet50),
    /** torchvision resnet101: bottlenecks [3, 4, 23, 3], 2048 body features, 44.5 M parameters; ImageNet weights V1, V2 (default). */
    RESNET101("resnet101", 2048, true, ResNets::resnet101),
    /** torchvision resnet152: bottlenecks [3, 8, 36, 3], 2048 body features, 60.2 M parameters; ImageNet weights V1, V2 (default). */
    RESNET152("resnet152", 2048, true, ResNets::resnet152),
    /** torchvision resnext50_32x4d: resnet50 with 32 groups of width 4, 25.0 M parameters; ImageNet weights V1, V2 (default). */
    RESNEXT50_32X4D("resnext50_32x4d", 2048, true, ResNets::resnext50_32x4d),
    /** torchvision wide_resnet50_2: resnet50 with twice the inner width, 68.9 M parameters; ImageNet weights V1, V2 (default). */
    WIDE_RESNET50_2("wide_resnet50_2", 2048, true, ResNets::wide_resnet50_2),
    /** fastai xresnet18: blocks [2, 2, 2, 2], 512 body features; no pretrained weights. */
    XRESNET18("xresnet18", 512, false, XResNet::xresnet18),
    /** fastai xresnet34: blocks [3, 4, 6, 3], 512 body features; no pretrained weights. */
    XRESNET34("xresnet34", 512, false, XResNet::xresnet34),
    /** fastai xresnet50: bottleneck blocks [3, 4, 6, 3], 2048 body features; no pretrained weights. */
    XRESNET50("xresnet50", 2048, false, XResNet::xresnet50);

    private final String id;
    private final int numFeatures;
    private final boolean hasImagenetWeights;
    private final IntFunction<CnnModel> factory;

    Arch(String id, int numFeatures, boolean hasImagenetWeights, IntFunction<CnnModel> factory) {
        this.id = id;
        this.numFeatures = numFeatures;
        this.hasImagenetWeights = hasImagenetWeights;
        this.factory = factory;
    }

    /** {@return the torchvision/fastai name, e.g. {@code resnet34}} */
    public String id() {
        return id;
    }

    /** {@return the number of features the body outputs (what the head's pooling sees)} */
    public int numFeatures() {
        return numFeatures;
    }

    /** {@return whether torchvision publishes ImageNet weights for it} */
    public boolean hasImagenetWeights() {
        return hasImagenetWeights;
    }

    /**
     * {@return a new model with its original classifier of {@code numClasses} outputs (1000 for ImageNet weights)}
     *
     * @param numClasses the number of outputs of the architecture's own classifier; 1000 to match
     *     torchvision's ImageNet weights
     */
    public CnnModel create(int numClasses) {
        return factory.apply(numClasses);
    }

    /**
     * {@return the architecture named {@code name} (case-insensitive, e.g. "resnet34")}
     *
     * @param name the architecture's torchvision or fastai name; surrounding spaces are ignored
     * @throws IllegalArgumentException if no architecture has that name, listing the names
     */
    public static Arch fromName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Arch a : values()) {
            if (a.id.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "'; expected one of " + names());
    }

    /** {@return every architecture's name, comma-separated} */
    public static String names() {
        return Arrays.stream(values()).map(Arch::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
