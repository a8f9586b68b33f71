package org.fastai4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fastai4j.data.DataLoader;
import org.fastai4j.data.Items;
import org.fastai4j.data.Vocab;
import org.fastai4j.interpret.ClassificationInterpretation;
import org.fastai4j.interpret.LoaderItemRenderer;
import org.fastai4j.interpret.report.ReportSection;
import org.fastai4j.interpret.report.RunReport;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.Preds;
import org.fastai4j.vision.VisionLearner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fastai4j interpret MODEL DATA}: runs an exported classifier on a folder of labelled
 * images (label = parent folder name) and writes the confusion matrix, top losses, most confused
 * pairs and the classification report.
 */
@Command(name = "interpret", mixinStandardHelpOptions = true,
        description = "Confusion matrix, most confused pairs, classification report and top losses of MODEL on DATA.")
final class InterpretCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The exported model folder (e.g. runs/demo/model).")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "Folder of labelled images (class = parent folder name).")
    Path data;

    @Option(names = "--out", description = "Where the plots and report go (default: runs/<timestamp>).")
    Path out;

    @Mixin DebugOption debug;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = ModelFolders.resolve(model);
        if (!Files.isDirectory(data)) {
            throw new UserError("no such folder: " + data);
        }
        List<Path> files = Items.getImageFiles(data);
        if (files.isEmpty()) {
            throw new UserError("no images under " + data);
        }
        PrintWriter pw = spec.commandLine().getOut();
        Path runDir = TrainRun.runFolder(out);
        try (Learner learn = VisionLearner.loadLearner(dir)) {
            Vocab vocab = learn.dls().vocab().orElseThrow(() -> new UserError(dir + " is not a classifier (no vocabulary)"));
            float[][] targets = new float[files.size()][];
            for (int i = 0; i < files.size(); i++) {
                String label = files.get(i).getParent().getFileName().toString();
                int idx = vocab.indexOf(label);
                if (idx < 0) {
                    throw new UserError("label '" + label + "' of " + files.get(i) + " is not one of the model's classes "
                            + vocab.items());
                }
                targets[i] = new float[] {idx};
            }
            DataLoader dl = learn.dls().valid().testDl(new ArrayList<>(files));
            Preds p = learn.getPreds(dl, false, true, false);
            float[] losses = new float[files.size()];
            for (int i = 0; i < losses.length; i++) {
                // cross-entropy of the probabilities, as CrossEntropyLossFlat gives per item
                losses[i] = (float) -Math.log(Math.max(p.activations()[i][(int) targets[i][0]], 1e-12f));
            }
            Preds labelled = new Preds(p.activations(), targets, p.decoded(), losses, p.indices());
            ClassificationInterpretation interp = ClassificationInterpretation.fromPreds(labelled, vocab,
                    new LoaderItemRenderer(dl));
            RunOutputs outputs = new RunOutputs(runDir, pw);
            RunReport.Builder report = RunReport.builder(runDir).optTitle("fastai4j interpret " + data.getFileName());
            interp.plotConfusionMatrix().save(runDir.resolve("confusion_matrix.png"));
            report.addImage(ReportSection.CONFUSION_MATRIX, "confusion_matrix.png");
            interp.plotTopLosses(Math.min(9, interp.size()), 3, 3).save(runDir.resolve("top_losses.png"));
            report.addImage(ReportSection.TOP_LOSSES, "top_losses.png");
            report.optClassificationReport(interp.classificationReport());
            report.addInfo("model", dir.toString()).addInfo("data", data.toString());
            report.write();
            pw.println("Confusion matrix (rows actual, columns predicted; classes " + vocab.items() + "):");
            for (int[] row : interp.confusionMatrix()) {
                pw.println("  " + java.util.Arrays.toString(row));
            }
            pw.println("Most confused (actual → predicted: count): " + String.join(", ", interp.mostConfused(1).stream()
                    .limit(10).map(c -> c.actual() + " → " + c.predicted() + ": " + c.count()).toList()));
            pw.println();
            pw.print(interp.classificationReport().text());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", dir.toString());
            result.put("data", data.toString());
            result.put("vocab", vocab.items());
            result.put("accuracy", interp.classificationReport().accuracy());
            result.put("confusion_matrix", interp.confusionMatrix());
            outputs.writeText("result.json", RunOutputs.json(result));
            pw.println("Run folder: " + runDir);
            pw.flush();
        }
        return 0;
    }
}
