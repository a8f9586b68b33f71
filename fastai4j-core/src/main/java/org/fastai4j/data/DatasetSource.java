package org.fastai4j.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.translate.Transform;
import java.nio.ByteBuffer;
import java.util.List;
import org.fastai4j.core.Seeds;

/**
 * A DJL {@link RandomAccessDataset} as an {@link ItemSource}: each record is read with {@code
 * get(manager, index)} (which does not apply the dataset's pipeline) on a worker-local CPU manager,
 * its first data array goes through the DJL transforms then the host item transforms, and both data
 * and label leave the worker as host copies; the manager is closed. A uint8 rank-3 input is taken
 * as DJL's H×W×C image layout and becomes C×H×W; a float input (after DJL's {@code ToTensor}) is
 * kept as it is; an integer scalar label becomes int64, and so does a float scalar label when
 * the loaders have a vocabulary (DJL's MNIST-style datasets store class indices as floats).
 */
final class DatasetSource implements ItemSource {
    private final RandomAccessDataset dataset;
    private final List<Transform> djlTfms;
    private final List<ItemTransform<HostTensor>> hostTfms;
    private final int size;
    private final boolean categorical;

    DatasetSource(RandomAccessDataset dataset, List<Transform> djlTfms,
            List<ItemTransform<HostTensor>> hostTfms, boolean categorical) {
        this.categorical = categorical;
        this.dataset = dataset;
        this.djlTfms = List.copyOf(djlTfms);
        this.hostTfms = List.copyOf(hostTfms);
        this.size = Math.toIntExact(dataset.size());
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Sample load(int index, ItemContext ctx) throws Exception {
        HostTensor x;
        HostTensor y;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Record r = dataset.get(m, index);
            NDArray data = r.getData().head();
            for (Transform t : djlTfms) {
                data = t.transform(data);
            }
            x = DjlTransforms.toHost(data);
            NDArray label = r.getLabels().head();
            boolean scalar = label.getShape().dimension() == 0
                    || label.getShape().equals(new Shape(1));
            if (scalar && label.getDataType() != DataType.INT64
                    && (label.getDataType().isInteger() || categorical)) {
                label = label.reshape(new Shape()).toType(DataType.INT64, false);
            }
            y = DjlTransforms.toHost(label);
        }
        for (int k = 0; k < hostTfms.size(); k++) {
            x = hostTfms.get(k).apply(x,
                    new ItemContext(Seeds.derive(ctx.seed(), k), ctx.training()));
        }
        return new Sample(hwcToChw(x), y, index);
    }

    static HostTensor hwcToChw(HostTensor t) {
        Shape s = t.shape();
        if (t.dataType() != DataType.UINT8 || s.dimension() != 3) {
            return t;
        }
        int h = (int) s.get(0);
        int w = (int) s.get(1);
        int c = (int) s.get(2);
        ByteBuffer src = t.data().duplicate();
        byte[] out = new byte[t.byteSize()];
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            for (int k = 0; k < c; k++) {
                out[k * plane + p] = src.get(p * c + k);
            }
        }
        return HostTensor.ofUint8(out, c, h, w);
    }

    @Override
    public String describe(int index) {
        return DjlItemNames.describe(dataset, index);
    }
}
