package org.fastai4j.vision.image;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import org.fastai4j.data.HostTensor;
import org.opencv.core.Core;
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
        checkRgb(m);
        int h = m.rows();
        int w = m.cols();
        // each channel extracted by OpenCV into this thread's plane Mat (no new native Mat header per
        // image: those are freed only by the garbage collector), then copied to its place in the result
        PlaneScratch scratch = PLANE.get();
        int n = h * w;
        scratch.plane.create(h, w, CvType.CV_8UC1);
        if (scratch.bytes.length < n) {
            scratch.bytes = new byte[n];
        }
        byte[] chw = new byte[3 * n];
        for (int c = 0; c < 3; c++) {
            Core.extractChannel(m, scratch.plane, c);
            scratch.plane.get(0, 0, scratch.bytes);
            System.arraycopy(scratch.bytes, 0, chw, c * n, n);
        }
        if (n > SCRATCH_KEPT) { // keep the header, not the pixels of a large image
            scratch.plane.release();
            scratch.bytes = new byte[0];
        }
        return HostTensor.ofUint8(chw, 3, h, w);
    }

    /** The pixels of one channel, per thread; pixel buffers up to this many bytes are kept between images. */
    private static final int SCRATCH_KEPT = 1 << 20;
    private static final ThreadLocal<PlaneScratch> PLANE = ThreadLocal.withInitial(PlaneScratch::new);

    private static final class PlaneScratch {
        final Mat plane;
        byte[] bytes = new byte[0];

        PlaneScratch() {
            OpenCv.load();
            plane = new Mat();
        }
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
        Shape s = requireHwc(t);
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
     * @param t the pixels, H×W×3 uint8; its buffer's position is not changed
     * @return a new 3×H×W uint8 host tensor
     * @throws IllegalArgumentException if {@code t} is not H×W×3 uint8
     */
    public static HostTensor hwcToChw(HostTensor t) {
        Shape s = requireHwc(t);
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

    private static Shape requireHwc(HostTensor t) {
        Shape s = t.shape();
        if (t.dataType() != DataType.UINT8 || s.dimension() != 3 || s.get(2) != 3) {
            throw new IllegalArgumentException(
                    "Expected an HxWx3 uint8 image, got " + s + " " + t.dataType());
        }
        return s;
    }
}
