package org.fastai4j.data;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Names an item of a DJL dataset for errors and reports: through the parts made by {@code
 * randomSplit}/{@code subDataset} to the parent's index, then, for DJL's image folders, the file
 * path; otherwise the dataset's class and the index. Reads DJL's private fields by reflection and
 * falls back quietly when they are not there.
 */
final class DjlItemNames {
    private DjlItemNames() {}

    static String describe(Object dataset, long index) {
        String fallback = dataset.getClass().getSimpleName() + " item " + index;
        try {
            Object ds = dataset;
            long i = index;
            for (int depth = 0; depth < 8; depth++) {
                Object indices = field(ds, "indices");
                Object from = field(ds, "from");
                Object sub = field(ds, "subIndices");
                Object parent = field(ds, "dataset");
                if (parent == null) {
                    break;
                }
                if (indices instanceof int[] idx && from instanceof Integer f) {
                    i = idx[(int) i + f];
                } else if (sub instanceof List<?> list) {
                    i = ((Number) list.get((int) i)).longValue();
                } else {
                    break;
                }
                ds = parent;
            }
            Object items = field(ds, "items");
            if (items instanceof ai.djl.util.PairList<?, ?> pairs) {
                Object key = pairs.get((int) i).getKey();
                for (Class<?> c = ds.getClass(); c != null; c = c.getSuperclass()) {
                    try {
                        Method m = c.getDeclaredMethod("getImagePath", String.class);
                        m.setAccessible(true);
                        return String.valueOf(m.invoke(ds, String.valueOf(key)));
                    } catch (NoSuchMethodException e) {
                        // look in the superclass
                    }
                }
                return String.valueOf(key);
            }
            return ds == dataset ? fallback : fallback + " (" + ds.getClass().getSimpleName()
                    + " item " + i + ")";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return fallback;
        }
    }

    private static Object field(Object target, String name) throws IllegalAccessException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }
}
