package org.fastai4j.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fastai4j.core.EngineSetup;
import org.fastai4j.data.BatchContext;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.HostTensor;
import org.fastai4j.data.IntToFloat;
import org.fastai4j.data.ItemContext;
import org.fastai4j.vision.augment.Augment;
import org.fastai4j.vision.image.ImageDecoder;
import org.fastai4j.vision.image.Images;
import org.fastai4j.vision.transform.RandomResizedCrop;
import org.opencv.core.Mat;

/**
 * Where the loader's time goes, one stage at a time on one thread: read, decode, {@code
 * RandomResizedCrop(224)}, HWC to CHW per image; then per batch stacking into an NDArray,
 * {@code IntToFloat}, the affine resample and the lighting of {@code augTransforms()}. Prints
 * CPU milliseconds of the calling thread per image for each stage (robust to other
 * processes' load; with {@code --threads 1} the engine's work runs on that thread). Options: {@code --data DIR}, {@code --bs 64},
 * {@code --rounds 3}, {@code --threads 1} (engine intra-op threads).
 */
public final class LoaderProfile {
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private LoaderProfile() {}

    /** CPU time of this thread, ns (the engine runs on it with one intra-op thread). */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Runs the profile.
     *
     * @param argv the options
     * @throws Exception when the photos cannot be read
     */
    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Path data = Path.of(a.str("data", "/tmp/bench-data/photos"), "train");
        int bs = a.integer("bs", 64);
        int rounds = a.integer("rounds", 3);
        EngineSetup.apply();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(a.integer("threads", 1));
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        ImageDecoder dec = ImageDecoder.standard();
        RandomResizedCrop rrc = RandomResizedCrop.of(224);
        List<BatchTransform> tfms = new ArrayList<>();
        tfms.add(IntToFloat.create());
        tfms.addAll(Augment.augTransforms());
        for (int r = 0; r < rounds; r++) {
            long tRead = 0, tDec = 0, tCrop = 0, tChw = 0;
            List<HostTensor> items = new ArrayList<>();
            int k = 0;
            for (Path f : files) {
                long t0 = cpu();
                byte[] bytes = Files.readAllBytes(f);
                long t1 = cpu();
                Mat m = dec.decode(bytes, f, a.integer("minside", 0));
                long t2 = cpu();
                Mat c = rrc.apply(m, new ItemContext(1000L * r + k++, true));
                long t3 = cpu();
                items.add(Images.toChw(c));
                long t4 = cpu();
                m.release();
                c.release();
                tRead += t1 - t0;
                tDec += t2 - t1;
                tCrop += t3 - t2;
                tChw += t4 - t3;
            }
            int n = files.size();
            long[] tb = new long[tfms.size() + 1];
            int batches = n / bs;
            try (NDManager root = NDManager.newBaseManager()) {
                for (int b = 0; b < batches; b++) {
                    try (NDManager m = root.newSubManager()) {
                        long t0 = cpu();
                        ByteBuffer buf = ByteBuffer.allocateDirect(bs * 3 * 224 * 224)
                                .order(ByteOrder.nativeOrder());
                        for (int i = 0; i < bs; i++) {
                            buf.put(items.get(b * bs + i).data().duplicate());
                        }
                        buf.flip();
                        NDArray x = m.create(buf, new Shape(bs, 3, 224, 224), DataType.UINT8).duplicate();
                        tb[0] += cpu() - t0;
                        BatchContext ctx = new BatchContext(true, 77L * r + b, m);
                        for (int t = 0; t < tfms.size(); t++) {
                            long s0 = cpu();
                            x = tfms.get(t).apply(x, ctx);
                            x.getFloat(0, 0, 0, 0); // sync
                            tb[t + 1] += cpu() - s0;
                        }
                    }
                }
            }
            double per = 1e6 * n;
            double perB = 1e6 * batches * bs;
            System.out.printf("round %d (%d images): read %.2f, decode %.2f, crop %.2f, chw %.2f ms/img;"
                    + " stack %.2f, int2float %.2f, affine %.2f, lighting %.2f ms/img%n", r, n,
                    tRead / per, tDec / per, tCrop / per, tChw / per, tb[0] / perB, tb[1] / perB,
                    tb[2] / perB, tb[3] / perB);
        }
    }
}
