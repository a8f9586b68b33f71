package org.fastai4j.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.IntFunction;

/** Stacks host tensors of one batch into a reused direct buffer, then one NDArray the engine owns. */
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
        int bytes = first.byteSize() * tensors.size();
        ByteBuffer buffer = scratch(bytes);
        for (HostTensor t : tensors) {
            buffer.put(t.data().duplicate());
        }
        buffer.flip();
        Shape shape = new Shape(tensors.size()).addAll(first.shape());
        NDArray view = manager.create(buffer, shape, first.dataType());
        if (view.getDevice().isGpu()) {
            return view; // the engine copied it to the device: the buffer is free again
        }
        // On the CPU the engine's tensor aliases the buffer: take an owned copy so the buffer can be
        // reused. A new direct buffer per batch would be freed only when the GC runs, and resident
        // memory grew by megabytes an epoch that way (benchmarks/README.md, memory).
        NDArray owned = view.duplicate();
        view.close();
        return owned;
    }

    /** This thread's reusable direct buffer, at least {@code bytes} long, cleared. */
    private static ByteBuffer scratch(int bytes) {
        ByteBuffer b = SCRATCH.get();
        if (b == null || b.capacity() < bytes) {
            b = ByteBuffer.allocateDirect(Math.max(bytes, b == null ? 0 : b.capacity() * 2))
                    .order(ByteOrder.nativeOrder());
            SCRATCH.set(b);
        }
        b.clear();
        b.limit(bytes);
        return b;
    }

    private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();
}
