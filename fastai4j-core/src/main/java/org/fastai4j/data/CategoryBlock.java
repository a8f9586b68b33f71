package org.fastai4j.data;

import java.util.List;
import java.util.Optional;

/**
 * A single-label categorical target, fastai's {@code CategoryBlock}: the vocabulary is the sorted
 * distinct training labels (as strings) unless given; a label is encoded as its int64 index.
 */
public final class CategoryBlock implements TargetBlock {
    private final Vocab vocab;

    private CategoryBlock(Vocab vocab) {
        this.vocab = vocab;
    }

    /** A block whose vocabulary comes from the training labels. */
    public static CategoryBlock create() {
        return new CategoryBlock(null);
    }

    /** A block with a fixed vocabulary (in the given order). */
    public static CategoryBlock withVocab(Vocab vocab) {
        return new CategoryBlock(vocab);
    }

    @Override
    public Encoder setup(List<?> trainLabels) {
        Vocab v = vocab != null ? vocab
                : Vocab.sorted(trainLabels.stream().map(String::valueOf).toList());
        return new Encoder() {
            @Override
            public HostTensor encode(Object label) {
                String name = String.valueOf(label);
                int i = v.indexOf(name);
                if (i < 0) {
                    throw new IllegalArgumentException("Label '" + name
                            + "' is not in the vocabulary built from the training labels "
                            + v.items());
                }
                return HostTensor.ofLong(i);
            }

            @Override
            public Optional<Vocab> vocab() {
                return Optional.of(v);
            }
        };
    }
}
