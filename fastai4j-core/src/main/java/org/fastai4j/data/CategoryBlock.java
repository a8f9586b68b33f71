package org.fastai4j.data;

import java.util.List;
import java.util.Optional;

/**
 * A single-label categorical target, fastai's {@code CategoryBlock}: the vocabulary is the sorted
 * distinct training labels unless given (numbers sorted as numbers, as fastai's {@code
 * CategoryMap}; anything else by its text); a label is encoded as its int64 index.
 */
public final class CategoryBlock implements TargetBlock {
    private final Vocab vocab;

    private CategoryBlock(Vocab vocab) {
        this.vocab = vocab;
    }

    /** {@return a block whose vocabulary comes from the training labels} */
    public static CategoryBlock create() {
        return new CategoryBlock(null);
    }

    /**
     * A block with a fixed vocabulary, fastai's {@code CategoryBlock(vocab=...)}.
     *
     * @param vocab the classes in the given order (index = encoded label); a label not in it fails
     *     with an {@link IllegalArgumentException} when encoded
     * @return the block
     */
    public static CategoryBlock withVocab(Vocab vocab) {
        return new CategoryBlock(vocab);
    }

    static Vocab sortedVocab(List<?> labels) {
        boolean numbers = !labels.isEmpty() && labels.stream().allMatch(l -> l instanceof Number);
        if (numbers) {
            java.util.TreeMap<Double, String> byValue = new java.util.TreeMap<>();
            for (Object l : labels) {
                byValue.putIfAbsent(((Number) l).doubleValue(), String.valueOf(l));
            }
            return new Vocab(List.copyOf(byValue.values()));
        }
        return Vocab.sorted(labels.stream().map(String::valueOf).toList());
    }

    @Override
    public Encoder setup(List<?> trainLabels) {
        Vocab v = vocab != null ? vocab : sortedVocab(trainLabels);
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
