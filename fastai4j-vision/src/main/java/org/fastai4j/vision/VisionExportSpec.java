package org.fastai4j.vision;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.IntToFloat;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.learner.ExportSpec;
import org.fastai4j.vision.models.HeadOptions;
import org.fastai4j.vision.transform.Normalize;
import org.fastai4j.core.affine.PadMode;
import org.fastai4j.vision.transform.RandomResizedCrop;
import org.fastai4j.vision.transform.Resize;
import org.fastai4j.vision.transform.ResizeMethod;

/**
 * The vision side of {@code learn.export()}: the model as {@code {kind: "vision", arch, nOut,
 * pretrained, normalize, head {linFtrs, ps, pool, concatPool, firstBn, bnFinal, linFirst, yRange}}},
 * the item transforms {@link Resize} ({@code height, width, method, padMode}) and
 * {@link RandomResizedCrop} (its parameters; only its validation path runs at inference), and the
 * inference batch transforms {@link IntToFloat} and {@link Normalize} ({@code mean, std}); every
 * other batch transform is augmentation and is excluded. {@link #itemTransform(JsonObject)} and
 * {@link #batchTransform(JsonObject)} rebuild them.
 *
 * @param arch the architecture of the body
 * @param nOut the number of outputs of the head
 * @param head the head's options
 * @param pretrained whether the learner started from pretrained weights (the exported weights are
 *     loaded either way; this records how the model was built)
 * @param normalize the builder's {@code normalize} option (ImageNet normalization is added only when
 *     also pretrained with 3-channel images; the loaders' own {@link Normalize} is what the manifest's
 *     batch transforms record)
 */
public record VisionExportSpec(Arch arch, int nOut, HeadOptions head, boolean pretrained, boolean normalize)
        implements ExportSpec {
    /** The kind recorded in the manifest. */
    public static final String KIND = "vision";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public JsonObject model() {
        JsonObject m = new JsonObject();
        m.addProperty("arch", arch.id());
        m.addProperty("nOut", nOut);
        m.addProperty("pretrained", pretrained);
        m.addProperty("normalize", normalize);
        JsonObject h = new JsonObject();
        JsonArray lin = new JsonArray();
        head.linFtrs().forEach(lin::add);
        h.add("linFtrs", lin);
        JsonArray ps = new JsonArray();
        head.ps().forEach(ps::add);
        h.add("ps", ps);
        h.addProperty("pool", head.pool());
        h.addProperty("concatPool", head.concatPool());
        h.addProperty("firstBn", head.firstBn());
        h.addProperty("bnFinal", head.bnFinal());
        h.addProperty("linFirst", head.linFirst());
        if (head.yRange() != null) {
            JsonArray y = new JsonArray();
            y.add(head.yRange()[0]);
            y.add(head.yRange()[1]);
            h.add("yRange", y);
        }
        m.add("head", h);
        return m;
    }

    /** The head options recorded by {@link #model()}. */
    static HeadOptions head(JsonObject h) {
        List<Integer> lin = new ArrayList<>();
        h.getAsJsonArray("linFtrs").forEach(e -> lin.add(e.getAsInt()));
        List<Double> ps = new ArrayList<>();
        h.getAsJsonArray("ps").forEach(e -> ps.add(e.getAsDouble()));
        float[] y = null;
        if (h.has("yRange")) {
            JsonArray a = h.getAsJsonArray("yRange");
            y = new float[] {a.get(0).getAsFloat(), a.get(1).getAsFloat()};
        }
        return new HeadOptions(lin, ps, h.get("pool").getAsBoolean(), h.get("concatPool").getAsBoolean(),
                h.get("firstBn").getAsBoolean(), h.get("bnFinal").getAsBoolean(), h.get("linFirst").getAsBoolean(), y);
    }

    @Override
    public JsonObject itemTransform(ItemTransform<?> tfm) {
        JsonObject o = new JsonObject();
        if (tfm instanceof Resize r) {
            o.addProperty("type", "Resize");
            o.addProperty("height", r.height());
            o.addProperty("width", r.width());
            o.addProperty("method", r.method().name());
            o.addProperty("padMode", r.padMode().name());
            return o;
        }
        if (tfm instanceof RandomResizedCrop c) {
            o.addProperty("type", "RandomResizedCrop");
            JsonArray p = new JsonArray();
            for (double v : c.parameters()) {
                p.add(v);
            }
            o.add("parameters", p);
            return o;
        }
        return null;
    }

    @Override
    public JsonObject batchTransform(BatchTransform tfm) {
        JsonObject o = new JsonObject();
        if (tfm instanceof IntToFloat) {
            o.addProperty("type", "IntToFloat");
            return o;
        }
        if (tfm instanceof Normalize n) {
            o.addProperty("type", "Normalize");
            o.add("mean", floats(n.stats().mean()));
            o.add("std", floats(n.stats().std()));
            return o;
        }
        return null;
    }

    /** Rebuilds an item transform written by {@link #itemTransform(ItemTransform)}. */
    static ItemTransform<?> itemTransform(JsonObject o) {
        String type = o.get("type").getAsString();
        switch (type) {
            case "Resize":
                return Resize.of(o.get("height").getAsInt(), o.get("width").getAsInt(),
                        ResizeMethod.valueOf(o.get("method").getAsString()), PadMode.valueOf(o.get("padMode").getAsString()));
            case "RandomResizedCrop": {
                JsonArray p = o.getAsJsonArray("parameters");
                return RandomResizedCrop.of(p.get(0).getAsInt(), p.get(1).getAsInt(), p.get(2).getAsDouble(),
                        p.get(3).getAsDouble(), p.get(4).getAsDouble(), p.get(5).getAsDouble(), p.get(6).getAsDouble());
            }
            default:
                throw new IllegalArgumentException("cannot rebuild item transform '" + type + "' ("
                        + (o.has("describe") ? o.get("describe").getAsString() : "?")
                        + "); a vision export rebuilds Resize and RandomResizedCrop");
        }
    }

    /** Rebuilds a batch transform written by {@link #batchTransform(BatchTransform)}. */
    static BatchTransform batchTransform(JsonObject o) {
        String type = o.get("type").getAsString();
        return switch (type) {
            case "IntToFloat" -> IntToFloat.create();
            case "Normalize" -> Normalize.fromStats(toFloats(o.getAsJsonArray("mean")), toFloats(o.getAsJsonArray("std")));
            default -> throw new IllegalArgumentException("cannot rebuild batch transform '" + type
                    + "'; a vision export rebuilds IntToFloat and Normalize");
        };
    }

    private static JsonArray floats(float[] v) {
        JsonArray a = new JsonArray();
        for (float f : v) {
            a.add(f);
        }
        return a;
    }

    private static float[] toFloats(JsonArray a) {
        float[] v = new float[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsFloat();
        }
        return v;
    }
}
