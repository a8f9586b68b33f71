package org.fastai4j.learner;

import java.util.Arrays;

/** A growable list of doubles (no boxing). */
final class DoubleSeries {
    private double[] data = new double[64];
    private int size;

    void add(double v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return data[i];
    }

    double[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
