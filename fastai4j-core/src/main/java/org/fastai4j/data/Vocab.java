package org.fastai4j.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered class names of a categorical target; the position of a name is its class index.
 *
 * @param items the class names, in index order
 */
public record Vocab(List<String> items) {

    /**
     * Copies the list and checks it holds no duplicates.
     *
     * @param items the class names, in index order
     */
    public Vocab {
        items = List.copyOf(items);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer prev = seen.put(items.get(i), i);
            if (prev != null) {
                throw new IllegalArgumentException("Vocab has duplicate class '" + items.get(i) + "'");
            }
        }
    }

    /** Builds a vocab from names sorted in natural order. */
    public static Vocab sorted(java.util.Collection<String> names) {
        return new Vocab(names.stream().distinct().sorted().toList());
    }

    /** {@return the number of classes} */
    public int size() {
        return items.size();
    }

    /** {@return the class name at {@code index}} */
    public String get(int index) {
        return items.get(index);
    }

    /** {@return the index of {@code name}, or -1} */
    public int indexOf(String name) {
        return items.indexOf(name);
    }
}
