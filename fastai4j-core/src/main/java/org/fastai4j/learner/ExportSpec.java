package org.fastai4j.learner;

import com.google.gson.JsonObject;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.ItemTransform;

/**
 * What a domain library tells {@link Learner#export} so the export can be rebuilt without Java
 * serialization: the model's kind and options (e.g. a vision learner's architecture id, number of
 * outputs, head options) and each inference transform as data. A vision learner sets one
 * ({@code VisionLearner}); a learner without one exports as kind {@code "custom"} whose model the
 * caller rebuilds.
 */
public interface ExportSpec {

    /** The model kind, e.g. {@code "vision"}; {@link Export} records it and the loader checks it. */
    String kind();

    /** The architecture and its options, as JSON. */
    JsonObject model();

    /** {@code tfm} as data ({@code "type"} plus its parameters), or null when it cannot be rebuilt. */
    JsonObject itemTransform(ItemTransform<?> tfm);

    /**
     * {@code tfm} as data when it belongs to inference (e.g. Normalize), or null for augmentation
     * and transforms it does not know (recorded as excluded).
     */
    JsonObject batchTransform(BatchTransform tfm);
}
