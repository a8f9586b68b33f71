package org.fastai4j.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fastai4j train DATA}: fastai's reference workflow on a folder of images. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an image classifier on DATA and write the run folder:",
            "history.csv, recorder.csv, show_batch.png, losses.png, schedule.png, confusion_matrix.png,",
            "top_losses.png, lr_find.png (with --lr-find), report.html and result.json."})
final class TrainCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin FitOptions fit;
    @Mixin DebugOption debug;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> result = TrainRun.run(data, model, fit, out);
        if (fit.json) {
            out.print(RunOutputs.json(result));
            out.flush();
        }
        return 0;
    }
}
