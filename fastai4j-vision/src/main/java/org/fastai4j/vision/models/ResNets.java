package org.fastai4j.vision.models;

/**
 * torchvision's ResNet family, each with torchvision's layout, parameter names and initialization
 * (kaiming normal fan-out convs, BatchNorm weight 1 bias 0, {@code zero_init_residual=False}, default
 * Linear init for {@code fc}).
 */
public final class ResNets {

    private ResNets() {}

    /**
     * ResNet-18: BasicBlocks [2, 2, 2, 2]; 11,689,512 parameters for 1000 classes.
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet resnet18(int numClasses) {
        return new ResNet(false, new int[] {2, 2, 2, 2}, numClasses, 1, 64);
    }

    /**
     * ResNet-34: BasicBlocks [3, 4, 6, 3]; 21,797,672 parameters for 1000 classes.
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet resnet34(int numClasses) {
        return new ResNet(false, new int[] {3, 4, 6, 3}, numClasses, 1, 64);
    }

    /**
     * ResNet-50: Bottlenecks [3, 4, 6, 3]; 25,557,032 parameters for 1000 classes.
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet resnet50(int numClasses) {
        return new ResNet(true, new int[] {3, 4, 6, 3}, numClasses, 1, 64);
    }

    /**
     * ResNet-101: Bottlenecks [3, 4, 23, 3].
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet resnet101(int numClasses) {
        return new ResNet(true, new int[] {3, 4, 23, 3}, numClasses, 1, 64);
    }

    /**
     * ResNet-152: Bottlenecks [3, 8, 36, 3].
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet resnet152(int numClasses) {
        return new ResNet(true, new int[] {3, 8, 36, 3}, numClasses, 1, 64);
    }

    /**
     * ResNeXt-50 32×4d: Bottlenecks [3, 4, 6, 3], 32 groups, width 4 per group.
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet resnext50_32x4d(int numClasses) {
        return new ResNet(true, new int[] {3, 4, 6, 3}, numClasses, 32, 4);
    }

    /**
     * Wide ResNet-50-2: Bottlenecks [3, 4, 6, 3], inner width doubled (width_per_group 128).
     *
     * @param numClasses the number of outputs of the final linear layer
     * @return the model
     */
    public static ResNet wide_resnet50_2(int numClasses) {
        return new ResNet(true, new int[] {3, 4, 6, 3}, numClasses, 1, 128);
    }
}
