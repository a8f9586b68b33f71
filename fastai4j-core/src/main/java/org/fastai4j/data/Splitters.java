package org.fastai4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.fastai4j.core.Seeds;

/** fastai's splitters: random, by grandparent folder, by function, by index, by column. */
public final class Splitters {
    private Splitters() {}

    /**
     * fastai's {@code RandomSplitter(valid_pct, seed)}: a random permutation of the items (drawn from
     * {@code seed}); its first {@code floor(validPct × n)} items are the validation set, the rest
     * the training set, both in permutation order. The permutation is a Fisher-Yates shuffle seeded
     * with {@code Seeds.derive(seed)}, not torch's {@code randperm}: same proportions, other items.
     *
     * @param validPct the share of items for validation, in [0, 1)
     * @param seed the seed of the shuffle
     * @return the splitter
     */
    public static Splitter random(double validPct, long seed) {
        if (!(validPct >= 0 && validPct < 1)) {
            throw new IllegalArgumentException("validPct must be in [0, 1), got " + validPct);
        }
        return items -> {
            int n = items.size();
            int[] perm = IntStream.range(0, n).toArray();
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed));
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            int cut = (int) (validPct * n);
            return new Split(Arrays.copyOfRange(perm, cut, n), Arrays.copyOfRange(perm, 0, cut));
        };
    }

    /**
     * fastai's {@code GrandparentSplitter}: a file is in the training set when its grandparent
     * folder is named {@code train}, in the validation set when it is {@code valid}; other items
     * are in neither.
     *
     * @param train the name of the training folder
     * @param valid the name of the validation folder
     * @return the splitter
     */
    public static Splitter grandparent(String train, String valid) {
        return items -> {
            List<Integer> t = new ArrayList<>();
            List<Integer> v = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String gp = grandparentName(items.get(i));
                if (train.equals(gp)) {
                    t.add(i);
                } else if (valid.equals(gp)) {
                    v.add(i);
                }
            }
            return new Split(toArray(t), toArray(v));
        };
    }

    /**
     * {@link #grandparent(String, String)} with fastai's defaults {@code train} and {@code valid}.
     *
     * @return the splitter
     */
    public static Splitter grandparent() {
        return grandparent("train", "valid");
    }

    private static String grandparentName(Object item) {
        if (!(item instanceof Path p)) {
            throw new IllegalArgumentException("The grandparent splitter needs file paths, got " + item);
        }
        Path gp = p.getParent() == null ? null : p.getParent().getParent();
        return gp == null || gp.getFileName() == null ? null : gp.getFileName().toString();
    }

    /**
     * fastai's {@code FuncSplitter}: items for which {@code isValid} is true are validation.
     *
     * @param isValid true for validation items
     * @return the splitter
     */
    public static Splitter func(Predicate<Object> isValid) {
        return items -> {
            List<Integer> t = new ArrayList<>();
            List<Integer> v = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                (isValid.test(items.get(i)) ? v : t).add(i);
            }
            return new Split(toArray(t), toArray(v));
        };
    }

    /**
     * fastai's {@code IndexSplitter}: the given indices are validation, the rest training.
     *
     * @param validIndices the indices of the validation items
     * @return the splitter
     */
    public static Splitter index(int... validIndices) {
        return items -> {
            Set<Integer> valid = new TreeSet<>();
            for (int i : validIndices) {
                if (i < 0 || i >= items.size()) {
                    throw new IllegalArgumentException("Validation index " + i
                            + " is outside 0.." + (items.size() - 1));
                }
                valid.add(i);
            }
            List<Integer> t = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!valid.contains(i)) {
                    t.add(i);
                }
            }
            return new Split(toArray(t), toArray(new ArrayList<>(valid)));
        };
    }

    /**
     * fastai's {@code ColSplitter(col)}: items are table rows ({@code Map<String, ?>}); a row is in
     * the validation set when its column {@code col} is true ({@code true}, {@code 1}, {@code
     * True}, {@code yes}).
     *
     * @param col the name of the column
     * @return the splitter
     */
    public static Splitter column(String col) {
        return func(item -> {
            if (!(item instanceof Map<?, ?> row)) {
                throw new IllegalArgumentException("The column splitter needs table rows, got " + item);
            }
            if (!row.containsKey(col)) {
                throw new IllegalArgumentException("Row " + row + " has no column '" + col + "'");
            }
            return truthy(row.get(col));
        });
    }

    /**
     * fastai's default validation column, {@code is_valid}.
     *
     * @return the splitter
     */
    public static Splitter column() {
        return column("is_valid");
    }

    static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
        return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("1.0");
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
