package org.fastai4j.vision.transform;

import org.fastai4j.core.affine.PadMode;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * fastai's {@code crop_pad} on a decoded image: take the region of size {@code cropW × cropH} whose
 * top-left corner is {@code (left, top)} (possibly outside the image), pad what lies outside with
 * {@code padMode}, then resize to {@code outW × outH} (area averaging when shrinking, as PIL's
 * antialiased bilinear; bilinear when enlarging).
 */
final class CropPad {
    private CropPad() {}

    static Mat cropPadResize(Mat src, int cropW, int cropH, int left, int top, PadMode padMode,
            int outW, int outH) {
        int w = src.cols();
        int h = src.rows();
        int x0 = Math.max(left, 0);
        int y0 = Math.max(top, 0);
        int x1 = Math.min(left + cropW, w);
        int y1 = Math.min(top + cropH, h);
        Mat region = src.submat(y0, Math.max(y0, y1), x0, Math.max(x0, x1));
        int padL = Math.max(-left, 0);
        int padT = Math.max(-top, 0);
        int padR = Math.max(left + cropW - w, 0);
        int padB = Math.max(top + cropH - h, 0);
        Mat cropped;
        if (padL + padT + padR + padB > 0) {
            cropped = new Mat();
            Core.copyMakeBorder(region, cropped, padT, padB, padL, padR,
                    openCvBorder(padMode), new Scalar(0, 0, 0));
            region.release();
        } else {
            cropped = region;
        }
        Mat out = resize(cropped, outW, outH);
        if (out != cropped) {
            cropped.release();
        } else if (cropped == region) {
            out = region.clone();
            region.release();
        }
        return out;
    }

    /** Resizes (returns {@code m} itself when the size already matches). */
    static Mat resize(Mat m, int outW, int outH) {
        if (m.cols() == outW && m.rows() == outH) {
            return m;
        }
        boolean shrink = outW <= m.cols() && outH <= m.rows();
        Mat out = new Mat();
        Imgproc.resize(m, out, new Size(outW, outH), 0, 0,
                shrink ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        return out;
    }

    /**
     * The OpenCV border type of a pad mode, as fastai's {@code crop_pad} pads with torch's
     * {@code F.pad}: reflection without repeating the edge pixel ({@code reflect}), zeros, or the
     * edge pixel repeated ({@code replicate}).
     */
    static int openCvBorder(PadMode padMode) {
        return switch (padMode) {
            case REFLECTION -> Core.BORDER_REFLECT_101;
            case ZEROS -> Core.BORDER_CONSTANT;
            case BORDER -> Core.BORDER_REPLICATE;
        };
    }
}
