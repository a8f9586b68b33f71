package org.fastai4j.vision.weights;

import java.net.URI;
import java.util.Locale;
import org.fastai4j.io.Checksum;

/**
 * torchvision's ImageNet weights for the ResNet family, as torchvision 0.14 publishes them: the file
 * name (its part after the last dash is the first 8 hex digits of the file's SHA-256), the URL
 * {@code https://download.pytorch.org/models/<file>}, and the weights version ({@code IMAGENET1K_V1},
 * {@code IMAGENET1K_V2}).
 */
public enum PretrainedWeights {
    /** resnet18, IMAGENET1K_V1. */
    RESNET18_V1("resnet18", 1, "resnet18-f37072fd.pth"),
    /** resnet34, IMAGENET1K_V1. */
    RESNET34_V1("resnet34", 1, "resnet34-b627a593.pth"),
    /** resnet50, IMAGENET1K_V1. */
    RESNET50_V1("resnet50", 1, "resnet50-0676ba61.pth"),
    /** resnet50, IMAGENET1K_V2. */
    RESNET50_V2("resnet50", 2, "resnet50-11ad3fa6.pth"),
    /** resnet101, IMAGENET1K_V1. */
    RESNET101_V1("resnet101", 1, "resnet101-63fe2227.pth"),
    /** resnet101, IMAGENET1K_V2. */
    RESNET101_V2("resnet101", 2, "resnet101-cd907fc2.pth"),
    /** resnet152, IMAGENET1K_V1. */
    RESNET152_V1("resnet152", 1, "resnet152-394f9c45.pth"),
    /** resnet152, IMAGENET1K_V2. */
    RESNET152_V2("resnet152", 2, "resnet152-f82ba261.pth"),
    /** resnext50_32x4d, IMAGENET1K_V1. */
    RESNEXT50_32X4D_V1("resnext50_32x4d", 1, "resnext50_32x4d-7cdf4587.pth"),
    /** resnext50_32x4d, IMAGENET1K_V2. */
    RESNEXT50_32X4D_V2("resnext50_32x4d", 2, "resnext50_32x4d-1a0047aa.pth"),
    /** wide_resnet50_2, IMAGENET1K_V1. */
    WIDE_RESNET50_2_V1("wide_resnet50_2", 1, "wide_resnet50_2-95faca4d.pth"),
    /** wide_resnet50_2, IMAGENET1K_V2. */
    WIDE_RESNET50_2_V2("wide_resnet50_2", 2, "wide_resnet50_2-9ba9bcbe.pth");

    /** Where torchvision publishes its weights. */
    public static final String BASE_URL = "https://download.pytorch.org/models/";

    private final String arch;
    private final int version;
    private final String fileName;

    PretrainedWeights(String arch, int version, String fileName) {
        this.arch = arch;
        this.version = version;
        this.fileName = fileName;
    }

    /** {@return the architecture's torchvision name ({@code resnet34})} */
    public String arch() {
        return arch;
    }

    /** {@return the version number (1 for IMAGENET1K_V1, 2 for IMAGENET1K_V2)} */
    public int version() {
        return version;
    }

    /** {@return torchvision's name of the version ({@code IMAGENET1K_V1} or {@code IMAGENET1K_V2})} */
    public String versionName() {
        return "IMAGENET1K_V" + version;
    }

    /** {@return the file name ({@code resnet34-b627a593.pth})} */
    public String fileName() {
        return fileName;
    }

    /** {@return the download URL} */
    public URI url() {
        return URI.create(BASE_URL + fileName);
    }

    /** {@return the SHA-256 prefix carried by the file name (after the last dash)} */
    public Checksum checksum() {
        return Checksum.sha256(fileName.substring(fileName.lastIndexOf('-') + 1, fileName.lastIndexOf('.')));
    }

    /**
     * {@return the entry for {@code arch} and {@code version}; torchvision's {@code DEFAULT} is the highest version}
     *
     * @param arch the architecture's torchvision name ({@code resnet34}), in any case
     * @param version 1 ({@code IMAGENET1K_V1}), 2 ({@code IMAGENET1K_V2}), or 0 (or less) for
     *     torchvision's {@code DEFAULT}
     * @throws IllegalArgumentException if torchvision publishes no such weights (e.g. version 2 of
     *     resnet34), naming the known entries
     */
    public static PretrainedWeights of(String arch, int version) {
        PretrainedWeights best = null;
        for (PretrainedWeights w : values()) {
            if (w.arch.equals(arch.toLowerCase(Locale.ROOT)) && (w.version == version
                    || (version <= 0 && (best == null || w.version > best.version)))) {
                best = w;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no torchvision ImageNet weights for " + arch
                    + (version > 0 ? " version " + version : "") + "; known: "
                    + java.util.Arrays.toString(values()));
        }
        return best;
    }

    /**
     * torchvision's {@code DEFAULT} weights of {@code arch} (the highest version), which
     * fastai's {@code vision_learner} loads.
     *
     * @param arch the architecture's torchvision name ({@code resnet50}), in any case
     * @return the entry, e.g. {@link #RESNET50_V2} for resnet50 and {@link #RESNET34_V1} for resnet34
     * @throws IllegalArgumentException if torchvision publishes no weights for {@code arch}
     */
    public static PretrainedWeights defaultFor(String arch) {
        return of(arch, 0);
    }
}
