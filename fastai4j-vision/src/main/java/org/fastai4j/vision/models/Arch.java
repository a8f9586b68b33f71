package org.fastai4j.vision.models;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The architectures a vision learner can be built on, by fastai's/torchvision's names: each creates its
 * model for a number of classes and knows its fastai {@link ModelMeta} and the name of its torchvision
 * ImageNet weights (null when there are none).
 */
public enum Arch {
    /** torchvision resnet18. */
    RESNET18(ResNets::resnet18, "resnet18"),
    /** torchvision resnet34. */
    RESNET34(ResNets::resnet34, "resnet34"),
    /** torchvision resnet50. */
    RESNET50(ResNets::resnet50, "resnet50"),
    /** torchvision resnet101. */
    RESNET101(ResNets::resnet101, "resnet101"),
    /** torchvision resnet152. */
    RESNET152(ResNets::resnet152, "resnet152"),
    /** torchvision resnext50_32x4d. */
    RESNEXT50_32X4D(ResNets::resnext50_32x4d, "resnext50_32x4d"),
    /** torchvision wide_resnet50_2. */
    WIDE_RESNET50_2(ResNets::wide_resnet50_2, "wide_resnet50_2"),
    /** fastai xresnet18 (no pretrained weights). */
    XRESNET18(XResNet::xresnet18, null),
    /** fastai xresnet34 (no pretrained weights). */
    XRESNET34(XResNet::xresnet34, null),
    /** fastai xresnet50 (no pretrained weights). */
    XRESNET50(XResNet::xresnet50, null);

    private final IntFunction<CnnModel> factory;
    private final String torchvisionName;

    Arch(IntFunction<CnnModel> factory, String torchvisionName) {
        this.factory = factory;
        this.torchvisionName = torchvisionName;
    }

    /** A new, uninitialized model with {@code numClasses} outputs. */
    public CnnModel create(int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
        }
        return factory.apply(numClasses);
    }

    /** fastai's meta (cut, split, statistics) for this architecture. */
    public ModelMeta meta() {
        return name().startsWith("X") ? ModelMeta.XRESNET : ModelMeta.RESNET;
    }

    /** The torchvision name used by the weights registry, or null when no pretrained weights exist. */
    public String torchvisionName() {
        return torchvisionName;
    }

    /** True if torchvision publishes ImageNet weights for it. */
    public boolean hasPretrainedWeights() {
        return torchvisionName != null;
    }

    /** The key of the first conv's weight in the architecture's own state dict (for channel adaptation). */
    public String firstConvKey() {
        return name().startsWith("X") ? "0.0.weight" : "conv1.weight";
    }

    /** Looks an architecture up by fastai's name ("resnet34", "xresnet50"), case-insensitive. */
    public static Arch of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown architecture '" + name + "'; known: "
                    + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT), e);
        }
    }
}
