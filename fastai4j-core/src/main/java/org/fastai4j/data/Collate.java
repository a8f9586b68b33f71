package org.fastai4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.IntFunction;

/** Stacks host tensors of one batch into one direct buffer and one NDArray (one copy). */
final class Collate {
    private Collate() {}

    /**
     * Stacks {@code tensors} (all of the same shape and type) along a new first axis into one array
     * of {@code manager}. {@code what} ("input", "target") and {@code describe} name the items in
     * the error raised when shapes differ.
     */
    static NDArray stack(
            List<HostTensor> tensors, int[] indices, NDManager manager, String what,
            IntFunction<String> describe) {
        HostTensor first = tensors.get(0);
        for (int i = 1; i < tensors.size(); i++) {
            HostTensor t = tensors.get(i);
            if (!t.shape().equals(first.shape()) || t.dataType() != first.dataType()) {
                throw new IllegalStateException(
                        "Cannot batch the " + what + "s: item " + indices[0] + " ("
                                + describe.apply(indices[0]) + ") is " + first.shape() + " "
                                + first.dataType() + " but item " + indices[i] + " ("
                                + describe.apply(indices[i]) + ") is " + t.shape() + " "
                                + t.dataType() + "; add an item transform that makes every item"
                                + " the same size (e.g. Resize)");
            }
        }
        int itemBytes = first.byteSize();
        ByteBuffer buffer = ByteBuffer.allocateDirect(itemBytes * tensors.size())
                .order(ByteOrder.nativeOrder());
        for (HostTensor t : tensors) {
            buffer.put(t.data().duplicate());
        }
        buffer.flip();
        Shape shape = new Shape(tensors.size()).addAll(first.shape());
        return manager.create(buffer, shape, first.dataType());
    }
}
