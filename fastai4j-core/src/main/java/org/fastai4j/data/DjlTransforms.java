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
import java.util.function.UnaryOperator;

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

    /**
     * A DJL transform as an item transform on host tensors (order 0). Each call copies the item
     * into a CPU NDArray of a fresh manager, runs the transform and copies the result back.
     *
     * @param transform the DJL transform; it receives the item as the block hands it (for images
     *     H×W×3 uint8) and may return any shape and data type
     * @return the item transform, described as {@code Djl(<transform class>)}
     * @throws NullPointerException if {@code transform} is null
     */
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

    /**
     * A DJL transform applied to the whole batch on the device, at {@code order}. A DJL
     * {@link ai.djl.modality.cv.transform.Normalize} becomes the loader's normalization (it is
     * undone when batches are shown).
     *
     * @param transform the DJL transform; it receives the whole N×C×H×W batch
     * @param order its place among the batch transforms, ascending (fastai's orders: int-to-float
     *     10, augmentation 30-40, {@code Normalize} 99; {@code ImageDataLoaders} puts DJL transforms at 50)
     * @return the batch transform
     * @throws NullPointerException if {@code transform} is null
     */
    public static BatchTransform batch(Transform transform, int order) {
        Objects.requireNonNull(transform, "transform");
        if (transform instanceof ai.djl.modality.cv.transform.Normalize n) {
            return new DjlNormalize(n, order); // can be undone for display, counts as the normalization
        }
        return onDevice("DjlBatch", transform, order, transform::transform);
    }

    /**
     * A DJL transform applied to each image (C×H×W) of the batch, then restacked, at
     * {@code order}; for DJL transforms written for one image.
     *
     * @param transform the DJL transform; it receives one C×H×W image and must return arrays of
     *     the same shape for every image of a batch
     * @param order its place among the batch transforms, ascending (fastai's orders: int-to-float
     *     10, augmentation 30-40, {@code Normalize} 99)
     * @return the batch transform
     * @throws NullPointerException if {@code transform} is null
     */
    public static BatchTransform perImage(Transform transform, int order) {
        Objects.requireNonNull(transform, "transform");
        return onDevice("DjlPerImage", transform, order, x -> {
            NDList images = x.split(x.getShape().get(0));
            NDList outs = new NDList(images.size());
            for (NDArray image : images) {
                outs.add(transform.transform(image.squeeze(0)));
            }
            return NDArrays.stack(outs);
        });
    }

    /** A batch transform running {@code body} at {@code order}, its result attached to the batch's manager. */
    private static BatchTransform onDevice(String label, Transform transform, int order, UnaryOperator<NDArray> body) {
        return new BatchTransform() {
            @Override
            public NDArray apply(NDArray x, BatchContext ctx) {
                NDArray out = body.apply(x);
                out.attach(ctx.manager());
                return out;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public String describe() {
                return label + "(" + transform.getClass().getSimpleName() + ")";
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
