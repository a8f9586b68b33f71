package org.fastai4j.vision.image;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.fastai4j.data.HostTensor;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Conversions between RGB OpenCV Mats (H×W×3 uint8) and host tensors (CHW or HWC). */
public final class Images {
    private Images() {}

    /**
     * {@return the pixels of an 8-bit 3-channel Mat, H×W×3 row-major}
     *
     * @param m an 8-bit 3-channel image (RGB as {@link ImageDecoder} returns it); not released
     * @throws IllegalArgumentException if {@code m} is not 8-bit with 3 channels
     */
    public static byte[] hwcBytes(Mat m) {
        checkRgb(m);
        Mat c = m.isContinuous() ? m : m.clone();
        byte[] data = new byte[(int) (c.total() * 3)];
        c.get(0, 0, data);
        if (c != m) {
            c.release();
        }
        return data;
    }

    /**
     * {@return a 3×H×W uint8 host tensor with the pixels of {@code m}}
     *
     * @param m an 8-bit 3-channel image; not released
     * @throws IllegalArgumentException if {@code m} is not 8-bit with 3 channels
     */
    public static HostTensor toChw(Mat m) {
        int h = m.rows();
        int w = m.cols();
        byte[] hwc = hwcBytes(m);
        byte[] chw = new byte[hwc.length];
        int plane = h * w;
        for (int p = 0, o = 0; p < plane; p++, o += 3) {
            chw[p] = hwc[o];
            chw[plane + p] = hwc[o + 1];
            chw[2 * plane + p] = hwc[o + 2];
        }
        return HostTensor.ofUint8(chw, 3, h, w);
    }

    /**
     * {@return an H×W×3 uint8 host tensor (DJL's image layout) with the pixels of {@code m}}
     *
     * @param m an 8-bit 3-channel image; not released
     * @throws IllegalArgumentException if {@code m} is not 8-bit with 3 channels
     */
    public static HostTensor toHwc(Mat m) {
        return HostTensor.ofUint8(hwcBytes(m), m.rows(), m.cols(), 3);
    }

    /**
     * {@return a new 8-bit 3-channel Mat from an H×W×3 uint8 host tensor; the caller releases it}
     *
     * @param t the pixels, H×W×3 uint8; its buffer's position is not changed
     * @throws IllegalArgumentException if {@code t} is not H×W×3 uint8
     */
    public static Mat fromHwc(HostTensor t) {
        Shape s = t.shape();
        if (t.dataType() != DataType.UINT8 || s.dimension() != 3 || s.get(2) != 3) {
            throw new IllegalArgumentException(
                    "Expected an HxWx3 uint8 image, got " + s + " " + t.dataType());
        }
        OpenCv.load();
        Mat m = new Mat((int) s.get(0), (int) s.get(1), CvType.CV_8UC3);
        byte[] data = new byte[t.byteSize()];
        t.data().duplicate().get(data);
        m.put(0, 0, data);
        return m;
    }

    /**
     * Converts an H×W×3 uint8 host tensor to 3×H×W.
     *
     * @param t the pixels, H×W×3 uint8 (not checked); its buffer's position is not changed
     * @return a new 3×H×W uint8 host tensor
     */
    public static HostTensor hwcToChw(HostTensor t) {
        Shape s = t.shape();
        int h = (int) s.get(0);
        int w = (int) s.get(1);
        ByteBuffer src = t.data().duplicate();
        byte[] chw = new byte[t.byteSize()];
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            chw[p] = src.get(p * 3);
            chw[plane + p] = src.get(p * 3 + 1);
            chw[2 * plane + p] = src.get(p * 3 + 2);
        }
        return HostTensor.ofUint8(chw, 3, h, w);
    }

    private static void checkRgb(Mat m) {
        if (m.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("Expected an 8-bit 3-channel image, got type "
                    + CvType.typeToString(m.type()));
        }
    }
}
