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

    /**
     * Builds a vocab from names sorted in natural order, without duplicates.
     *
     * @param names the class names, in any order, duplicates allowed
     * @return the distinct names sorted by {@link String#compareTo} (so {@code "10"} before
     *     {@code "9"}; see {@link CategoryBlock} for numeric labels)
     */
    public static Vocab sorted(java.util.Collection<String> names) {
        return new Vocab(names.stream().distinct().sorted().toList());
    }

    /** {@return the number of classes} */
    public int size() {
        return items.size();
    }

    /**
     * The class name at an index.
     *
     * @param index a class index, from 0 to {@code size() - 1}
     * @return the class name at {@code index}
     * @throws IndexOutOfBoundsException if {@code index} is out of range
     */
    public String get(int index) {
        return items.get(index);
    }

    /**
     * The class index of a name.
     *
     * @param name a class name
     * @return the index of {@code name}, or -1 when it is not in the vocab
     */
    public int indexOf(String name) {
        return items.indexOf(name);
    }
}
