package org.fastai4j.vision.models;

import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fastai4j.io.RawTensor;

/**
 * fastai's {@code _update_first_layer} for input channels other than 3. In DJL a convolution's input
 * channels are inferred when the block is initialized, so the model just needs initializing with the
 * right input shape; what remains is fastai's two rules: without pretrained weights the new first conv
 * gets torch's default init ({@link #useDefaultInit}); with pretrained weights the 3-channel weight is
 * adapted ({@link #adaptPretrained}): 1 channel → sum over the 3, 2 → the first two × 1.5, more than 3
 * → the 3 copied and the rest zero.
 */
public final class FirstLayer {

    private FirstLayer() {}

    /**
     * fastai's new {@code nn.Conv2d}: torch's default uniform init for the first conv (before initialize).
     *
     * @param conv the model's first convolution, not yet initialized; its weight initializer is replaced
     */
    public static void useDefaultInit(Conv2d conv) {
        conv.setInitializer(TorchInit.torchDefaultWeight(), Parameter.Type.WEIGHT);
    }

    /**
     * {@return a copy of {@code stateDict} with {@code key}'s (out, 3, kh, kw) weight adapted to {@code nIn} channels}
     * The other entries are shared, not copied; with {@code nIn} 3 the weight is unchanged.
     *
     * @param stateDict pretrained parameters by torchvision name; not modified
     * @param key the first conv's weight name, e.g. {@code conv1.weight} for torchvision's ResNets
     * @param nIn the model's input channels, at least 1 (1 for grayscale images)
     * @throws IllegalArgumentException if {@code nIn} is not positive, {@code key} is missing, or its
     *     weight is not (out, 3, kh, kw)
     */
    public static Map<String, RawTensor> adaptPretrained(Map<String, RawTensor> stateDict, String key, int nIn) {
        if (nIn <= 0) {
            throw new IllegalArgumentException("input channels must be positive, got " + nIn);
        }
        RawTensor w = stateDict.get(key);
        if (w == null) {
            throw new IllegalArgumentException("no first-layer weight '" + key + "' in the weights");
        }
        long[] s = w.shape();
        if (s.length != 4 || s[1] != 3) {
            throw new IllegalArgumentException("first-layer weight '" + key + "' must be (out, 3, kh, kw), got "
                    + java.util.Arrays.toString(s));
        }
        Map<String, RawTensor> out = new LinkedHashMap<>(stateDict);
        if (nIn == 3) {
            return out;
        }
        float[] v = w.toFloatArray();
        int outC = (int) s[0];
        int k = (int) (s[2] * s[3]);
        float[] r = new float[outC * nIn * k];
        for (int o = 0; o < outC; o++) {
            for (int j = 0; j < k; j++) {
                float a = v[(o * 3) * k + j];
                float b = v[(o * 3 + 1) * k + j];
                float c = v[(o * 3 + 2) * k + j];
                if (nIn == 1) {
                    r[o * k + j] = a + b + c;
                } else if (nIn == 2) {
                    r[(o * 2) * k + j] = a * 1.5f;
                    r[(o * 2 + 1) * k + j] = b * 1.5f;
                } else {
                    r[(o * nIn) * k + j] = a;
                    r[(o * nIn + 1) * k + j] = b;
                    r[(o * nIn + 2) * k + j] = c;
                }
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(r.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(r);
        out.put(key, new RawTensor(ai.djl.ndarray.types.DataType.FLOAT32, new long[] {s[0], nIn, s[2], s[3]}, buf));
        return out;
    }
}
