package org.fastai4j.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.translate.Transform;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Adapts any DJL {@link Transform} to fastai4j: as an item transform (run in a loader worker on a
 * worker-local CPU manager that is closed before the item leaves the worker) or as a batch
 * transform (on the device, on the whole batch or image by image).
 *
 * <p>Layouts: an item transform sees what the block hands it (for images: H×W×3 uint8, DJL's
 * image layout, as DJL's {@code ImageFolder} returns); a batch transform sees the batch
 * (N×C×H×W) or, per image, C×H×W. DJL's random transforms draw from DJL's global random source,
 * not from the item seed: they are not reproducible and, for training-only augmentation, belong
 * in the training side only (see {@link DatasetLoaders}).
 */
public final class DjlTransforms {
    private DjlTransforms() {}

    /** A DJL transform as an item transform on host tensors (order 0). */
    public static ItemTransform<HostTensor> item(Transform transform) {
        Objects.requireNonNull(transform, "transform");
        return new ItemTransform<>() {
            @Override
            public HostTensor apply(HostTensor x, ItemContext ctx) {
                try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                    return toHost(transform.transform(toArray(x, m)));
                }
            }

            @Override
            public Class<HostTensor> itemType() {
                return HostTensor.class;
            }

            @Override
            public String describe() {
                return "Djl(" + transform.getClass().getSimpleName() + ")";
            }
        };
    }

    /** A DJL transform applied to the whole batch on the device, at {@code order}. */
    public static BatchTransform batch(Transform transform, int order) {
        Objects.requireNonNull(transform, "transform");
        if (transform instanceof ai.djl.modality.cv.transform.Normalize n) {
            return new DjlNormalize(n, order); // can be undone for display, counts as the normalization
        }
        return new BatchTransform() {
            @Override
            public NDArray apply(NDArray x, BatchContext ctx) {
                NDArray out = transform.transform(x);
                out.attach(ctx.manager());
                return out;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String describe() {
                return "DjlBatch(" + transform.getClass().getSimpleName() + ")";
            }
        };
    }

    /** A DJL transform applied to each image (C×H×W) of the batch, then restacked, at {@code order}. */
    public static BatchTransform perImage(Transform transform, int order) {
        Objects.requireNonNull(transform, "transform");
        return new BatchTransform() {
            @Override
            public NDArray apply(NDArray x, BatchContext ctx) {
                NDList images = x.split(x.getShape().get(0));
                NDList outs = new NDList(images.size());
                for (NDArray image : images) {
                    outs.add(transform.transform(image.squeeze(0)));
                }
                NDArray out = NDArrays.stack(outs);
                out.attach(ctx.manager());
                return out;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String describe() {
                return "DjlPerImage(" + transform.getClass().getSimpleName() + ")";
            }
        };
    }

    /** An NDArray of {@code m} holding a copy of {@code t}. */
    static NDArray toArray(HostTensor t, NDManager m) {
        ByteBuffer direct = ByteBuffer.allocateDirect(t.byteSize()).order(ByteOrder.nativeOrder());
        direct.put(t.data().duplicate());
        direct.flip();
        return m.create(direct, t.shape(), t.dataType());
    }

    /** A host copy of {@code a} (heap memory, native order). */
    static HostTensor toHost(NDArray a) {
        ByteBuffer src = a.toByteBuffer();
        ByteBuffer copy = ByteBuffer.allocate(src.remaining()).order(ByteOrder.nativeOrder());
        copy.put(src);
        copy.flip();
        return new HostTensor(a.getShape(), a.getDataType(), copy);
    }
}
