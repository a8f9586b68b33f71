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

    /**
     * The model kind; {@link Export} records it and the loader checks it.
     *
     * @return the kind, e.g. {@code "vision"} ({@code "custom"} is what a learner without a spec records)
     */
    String kind();

    /**
     * The architecture and its options, as JSON (e.g. architecture id, number of outputs, head
     * options); {@link Export} copies it into the manifest's {@code model} object.
     *
     * @return the model description; {@link Export} adds {@code kind}, {@code class} and
     *     {@code inputShapes} to a copy
     */
    JsonObject model();

    /**
     * An item transform of the validation loader as data.
     *
     * @param tfm an item transform of the validation loader (e.g. a resize)
     * @return {@code tfm} as data ({@code "type"} plus its parameters), or null when it cannot be
     *     rebuilt (recorded as type {@code "unknown"})
     */
    JsonObject itemTransform(ItemTransform<?> tfm);

    /**
     * {@code tfm} as data when it belongs to inference (e.g. Normalize), or null for augmentation
     * and transforms it does not know (recorded as excluded).
     *
     * @param tfm a batch transform of the validation loader
     * @return {@code tfm} as data ({@code "type"} plus its parameters), or null to exclude it
     */
    JsonObject batchTransform(BatchTransform tfm);
}
