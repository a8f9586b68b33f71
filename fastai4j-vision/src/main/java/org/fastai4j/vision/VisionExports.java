package org.fastai4j.vision;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.data.DataLoaders;
import org.fastai4j.data.ItemTransform;
import org.fastai4j.data.ThreadedDataLoader;
import org.fastai4j.data.Vocab;
import org.fastai4j.io.StateDicts;
import org.fastai4j.learner.Export;
import org.fastai4j.learner.Learner;
import org.fastai4j.vision.models.CnnModel;
import org.fastai4j.vision.models.VisionModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VisionLearner#loadLearner}: rebuilds a vision learner from an export directory
 * ({@link Export}): the model from the manifest's architecture, number of outputs and head options,
 * its weights loaded strictly by name, the vocabulary in its recorded order, the loss, and loaders
 * over no items whose {@code testDl} applies the recorded inference item and batch transforms (in
 * their recorded order, batch size as exported). The learner has no optimizer until it is trained.
 */
final class VisionExports {
    private static final Logger LOG = LoggerFactory.getLogger(VisionExports.class);

    private VisionExports() {}

    static Learner load(Path dir) throws IOException {
        JsonObject m = Export.readManifest(dir);
        JsonObject model = m.getAsJsonObject("model");
        String kind = model.has("kind") ? model.get("kind").getAsString() : "?";
        if (!VisionExportSpec.KIND.equals(kind)) {
            throw new IOException(dir.resolve(Export.MANIFEST).toAbsolutePath() + ": model kind is '" + kind
                    + "', expected '" + VisionExportSpec.KIND + "' (export it from a VisionLearner)");
        }
        Arch arch = Arch.fromName(model.get("arch").getAsString());
        int nOut = model.get("nOut").getAsInt();
        VisionExportSpec spec = new VisionExportSpec(arch, nOut, VisionExportSpec.head(model.getAsJsonObject("head")),
                model.get("pretrained").getAsBoolean(), model.get("normalize").getAsBoolean());
        List<String> classes = new ArrayList<>();
        m.getAsJsonArray("vocab").forEach(e -> classes.add(e.getAsString()));
        List<ItemTransform<?>> items = new ArrayList<>();
        for (JsonElement e : m.getAsJsonArray("itemTfms")) {
            items.add(VisionExportSpec.itemTransform(e.getAsJsonObject()));
        }
        List<BatchTransform> batch = new ArrayList<>();
        for (JsonElement e : m.getAsJsonArray("batchTfms")) {
            batch.add(VisionExportSpec.batchTransform(e.getAsJsonObject()));
        }
        if (m.has("excludedBatchTfms") && m.getAsJsonArray("excludedBatchTfms").size() > 0) {
            LOG.info("{}: batch transforms left out at inference (augmentation): {}", dir, m.get("excludedBatchTfms"));
        }
        var weights = Export.readWeights(dir).tensors();
        CnnModel cnn = arch.create(1000);
        SequentialBlock net = VisionModels.createVisionModel(cnn, arch.numFeatures(), nOut, spec.head());
        ThreadedDataLoader.Builder b = ThreadedDataLoader.builder(new ImageItems(List.of(), items))
                .setBs(m.has("bs") ? m.get("bs").getAsInt() : 64).optTraining(false).optWorkers(1).optBatchTfms(batch);
        if (!classes.isEmpty()) {
            b.optVocab(new Vocab(classes));
        }
        ThreadedDataLoader dl = b.build();
        try (NDManager init = NDManager.newBaseManager(dl.device())) {
            net.initialize(init, DataType.FLOAT32, shapes(model));
            StateDicts.load(net, weights, true);
            Learner learn = Learner.builder(new DataLoaders(dl, dl), net).optLossFunc(Export.loss(m))
                    .optSplitter(VisionModels.splitter(cnn.meta().split())).optSilent(true).optPath(dir).build();
            for (Parameter p : StateDicts.parameters(net).values()) {
                p.getArray().attach(learn.manager()); // the learner owns the weights from now on
            }
            learn.setExportSpec(spec);
            return learn;
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(Export.WEIGHTS).toAbsolutePath() + " does not fit the " + arch.id()
                    + " model of the manifest: " + e.getMessage(), e);
        }
    }

    private static Shape[] shapes(JsonObject model) {
        var a = model.getAsJsonArray("inputShapes");
        Shape[] s = new Shape[a.size()];
        for (int i = 0; i < s.length; i++) {
            var dims = a.get(i).getAsJsonArray();
            long[] d = new long[dims.size()];
            for (int k = 0; k < d.length; k++) {
                d[k] = dims.get(k).getAsLong();
            }
            s[i] = new Shape(d);
        }
        return s;
    }
}
