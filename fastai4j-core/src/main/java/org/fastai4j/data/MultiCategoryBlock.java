package org.fastai4j.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A multi-label target, fastai's {@code MultiCategoryBlock}: each label is a collection of class
 * names (a {@code String} is one name); the vocabulary is the sorted union of the training labels;
 * a label is encoded as a float32 multi-hot vector of the vocabulary's size.
 */
public final class MultiCategoryBlock implements TargetBlock {

    private MultiCategoryBlock() {}

    /** {@return a block whose vocabulary comes from the training labels} */
    public static MultiCategoryBlock create() {
        return new MultiCategoryBlock();
    }

    static List<String> names(Object label) {
        if (label instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (label instanceof String s) {
            return s.isEmpty() ? List.of() : List.of(s);
        }
        throw new IllegalArgumentException(
                "A multi-category label must be a collection of names, got " + label);
    }

    @Override
    public Encoder setup(List<?> trainLabels) {
        List<String> all = new ArrayList<>();
        trainLabels.forEach(l -> all.addAll(names(l)));
        Vocab v = Vocab.sorted(all);
        return new Encoder() {
            @Override
            public HostTensor encode(Object label) {
                float[] hot = new float[v.size()];
                for (String name : names(label)) {
                    int i = v.indexOf(name);
                    if (i < 0) {
                        throw new IllegalArgumentException("Label '" + name
                                + "' is not in the vocabulary built from the training labels "
                                + v.items());
                    }
                    hot[i] = 1f;
                }
                return HostTensor.ofFloats(hot, v.size());
            }

            @Override
            public Optional<Vocab> vocab() {
                return Optional.of(v);
            }
        };
    }
}
