package org.fastai4j.vision.augment;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the float32 tensors written by make_grid_sample_fixture.py (format in that script). */
final class TensorArchive {
    record Tensor(long[] shape, float[] data) {
        NDArray toNd(NDManager m) {
            return m.create(data, new Shape(shape));
        }
    }

    private TensorArchive() {}

    static Map<String, Tensor> read(String resource) throws IOException {
        try (InputStream raw = TensorArchive.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException("test resource " + resource + " not found");
            }
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
            int count = in.readInt();
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (int t = 0; t < count; t++) {
                byte[] name = new byte[in.readInt()];
                in.readFully(name);
                long[] shape = new long[in.readInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readInt();
                    size *= shape[d];
                }
                float[] data = new float[Math.toIntExact(size)];
                for (int i = 0; i < data.length; i++) {
                    data[i] = in.readFloat();
                }
                out.put(new String(name, StandardCharsets.UTF_8), new Tensor(shape, data));
            }
            return out;
        }
    }

    static float maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        float m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
