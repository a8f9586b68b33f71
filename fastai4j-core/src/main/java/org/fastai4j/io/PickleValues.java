package org.fastai4j.io;

import ai.djl.ndarray.types.DataType;
import java.util.List;

/** The only values the restricted unpickler builds besides strings, numbers, lists and maps. */
final class PickleValues {

    private PickleValues() {}

    /** An allowed global, by its qualified name. */
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A Python tuple. */
    record Tuple(List<Object> items) {}

    /** A storage reference from a {@code persistent_load} ('storage', type, key, location, numel). */
    record StorageRef(DataType dataType, String key, long numel) {}

    /** A tensor view of a storage (not yet read). */
    record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {}

    /** Python's None. */
    enum None { NONE }
}
