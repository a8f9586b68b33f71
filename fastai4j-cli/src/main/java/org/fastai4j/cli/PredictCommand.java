package org.fastai4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fastai4j.data.Vocab;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Prediction;
import org.fastai4j.learner.Preds;
import org.fastai4j.vision.VisionLearner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fastai4j predict MODEL IMAGE...}: the label and its probability for each image. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict the class of each IMAGE with an exported model (a run folder's model/).")
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The exported model folder (e.g. runs/demo/model).")
    Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE", description = "Image files.")
    List<Path> images;

    @Option(names = "--json", description = "Print every class's probability as JSON.")
    boolean json;

    @Mixin DebugOption debug;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = ModelFolders.resolve(model);
        for (Path image : images) {
            if (!Files.isRegularFile(image)) {
                throw new UserError("no such image file: " + image);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Learner learn = VisionLearner.loadLearner(dir)) {
            Vocab vocab = learn.dls().vocab().orElseThrow(() -> new UserError(dir + " is not a classifier (no vocabulary)"));
            Preds preds = learn.getPreds(new ArrayList<>(images));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                float[] p = preds.activations()[i];
                int best = argmax(p);
                Prediction pred = new Prediction(vocab.get(best), best, p);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", images.get(i).toString());
                row.put("label", pred.label());
                row.put("probability", p[best]);
                if (json) {
                    Map<String, Object> all = new LinkedHashMap<>();
                    for (int c = 0; c < p.length; c++) {
                        all.put(vocab.get(c), p[c]);
                    }
                    row.put("probabilities", all);
                } else {
                    out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", images.get(i), pred.label(), p[best]);
                }
                rows.add(row);
            }
            if (json) {
                out.print(RunOutputs.json(rows));
            }
            out.flush();
        }
        return 0;
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
