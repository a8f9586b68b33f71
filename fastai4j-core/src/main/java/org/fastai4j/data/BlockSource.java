package org.fastai4j.data;

import java.util.List;

/** The items of one split of a {@link DataBlock}: inputs loaded by the input block, targets pre-encoded. */
final class BlockSource implements ItemSource {
    private final InputBlock block;
    private final List<Object> xs;
    private final List<HostTensor> ys;
    private final List<ItemTransform<?>> itemTfms;

    BlockSource(InputBlock block, List<Object> xs, List<HostTensor> ys,
            List<ItemTransform<?>> itemTfms) {
        this.block = block;
        this.xs = List.copyOf(xs);
        this.ys = List.copyOf(ys);
        this.itemTfms = List.copyOf(itemTfms);
    }

    @Override
    public int size() {
        return xs.size();
    }

    @Override
    public Sample load(int index, ItemContext ctx) throws Exception {
        HostTensor x = block.load(xs.get(index), itemTfms, ctx);
        return new Sample(x, ys.get(index), index);
    }

    @Override
    public String describe(int index) {
        return block.describe(xs.get(index));
    }

    /** The input value of item {@code index} (e.g. its path). */
    Object x(int index) {
        return xs.get(index);
    }

    @Override
    public List<ItemTransform<?>> itemTfms() {
        return itemTfms;
    }

    /** The same block and item transforms over {@code newXs}; each target a zero-filled copy of the first's shape. */
    @Override
    public ItemSource withItems(List<?> newXs) {
        HostTensor like = ys.isEmpty() ? HostTensor.ofLong(0) : ys.get(0);
        List<HostTensor> zeros = new java.util.ArrayList<>(newXs.size());
        for (int i = 0; i < newXs.size(); i++) {
            zeros.add(new HostTensor(like.shape(), like.dataType(),
                    java.nio.ByteBuffer.allocate(like.byteSize()).order(java.nio.ByteOrder.nativeOrder())));
        }
        return new BlockSource(block, new java.util.ArrayList<>(newXs), zeros, itemTfms);
    }
}
