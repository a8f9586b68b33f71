package org.fastai4j.interpret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.fastai4j.data.Batch;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Vocab;
import org.junit.jupiter.api.Test;

class LoaderItemRendererTest {

    /**
     * Items of shape {@code shape}; item i's values are (i + 1) / 10 everywhere. Batches are
     * normalised as (x - 0.5) / 0.25 and {@link #decodeInputs} undoes it.
     */
    static final class FakeLoader implements DataLoader {
        final long[] shape;

        FakeLoader(long... shape) {
            this.shape = shape;
        }

        @Override public int size() { return 1; }
        @Override public int itemCount() { return 5; }
        @Override public int bs() { return 5; }
        @Override public boolean training() { return false; }
        @Override public Optional<Vocab> vocab() { return Optional.empty(); }
        @Override public Device device() { return Device.cpu(); }
        @Override public CloseableIterator<Batch> iterator(NDManager parent, int epoch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Batch itemsAt(int[] indices, NDManager parent) {
            NDManager m = parent.newSubManager();
            long[] full = new long[shape.length + 1];
            full[0] = indices.length;
            System.arraycopy(shape, 0, full, 1, shape.length);
            Shape s = new Shape(full);
            float[] v = new float[(int) s.size()];
            int per = v.length / indices.length;
            for (int k = 0; k < indices.length; k++) {
                for (int j = 0; j < per; j++) {
                    v[k * per + j] = ((indices[k] + 1) / 10f - 0.5f) / 0.25f;
                }
            }
            return new Batch(m, new NDList(m.create(v, s)), new NDList(m.zeros(new Shape(indices.length))), indices);
        }

        @Override
        public NDArray decodeInputs(NDArray x) {
            return x.mul(0.25f).add(0.5f);
        }

        @Override
        public String describeItem(int index) {
            return "row " + index;
        }
    }

    @Test
    void rendersTheDenormalisedImageOfTheIndexedItem() {
        BufferedImage img = new LoaderItemRenderer(new FakeLoader(3, 4, 6)).render(2);
        assertThat(img.getWidth()).isEqualTo(6);
        assertThat(img.getHeight()).isEqualTo(4);
        // item 2 is 0.3 in every channel after de-normalising → round(0.3·255) = 77 = 0x4D
        assertThat(img.getRGB(5, 3) & 0xFFFFFF).isEqualTo(0x4D4D4D);
        BufferedImage grey = new LoaderItemRenderer(new FakeLoader(1, 4, 4)).render(4);
        assertThat(grey.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x808080); // 0.5 → 128
    }

    @Test
    void nonImageItemsBecomeTextTilesAndBadIndicesAreRejected() {
        BufferedImage tile = new LoaderItemRenderer(new FakeLoader(7)).render(1);
        assertThat(tile.getWidth()).isEqualTo(160);
        assertThatThrownBy(() -> new LoaderItemRenderer(new FakeLoader(7)).render(5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 items");
    }

    @Test
    void valuesAbove1_5AreReadAsBytes() {
        assertThat(LoaderItemRenderer.toUnit(new float[] {255f, 0f})).containsExactly(1f, 0f);
        assertThat(LoaderItemRenderer.toUnit(new float[] {1f, 0.5f})).containsExactly(1f, 0.5f);
    }
}
