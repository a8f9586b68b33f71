package org.fastai4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.SuggestedLrs;
import org.fastai4j.vision.ImageDataLoaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fastai4j lr-find DATA}: fastai's LR finder; prints the four suggestions and writes the sweep. */
@Command(name = "lr-find", mixinStandardHelpOptions = true,
        description = "Run fastai's learning-rate finder; write lr_find.png, recorder.csv and result.json.")
final class LrFindCommand implements Callable<Integer> {
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin DebugOption debug;

    @Option(names = "--out", description = "Run folder (default: runs/<timestamp>).")
    Path out;

    @Option(names = "--json", description = "Print result.json to standard output at the end.")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        Path dir = TrainRun.runFolder(out);
        ImageDataLoaders dls = TrainRun.loaders(data);
        try (Learner learn = TrainRun.learner(dls, model, java.util.List.of(), dir, data.seed, new RunLog())) {
            SuggestedLrs s = learn.lrFind();
            pw.printf(Locale.ROOT, "valley %.3e%nslide %.3e%nminimum %.3e%nsteep %.3e%n",
                    s.valley(), s.slide(), s.minimum(), s.steep());
            RunOutputs outputs = new RunOutputs(dir, pw);
            s.plot().save(dir.resolve("lr_find.png"));
            StringBuilder sweep = new StringBuilder("iter,lr,smooth_loss\n");
            double[] lrs = s.lrs();
            double[] losses = s.losses();
            for (int i = 0; i < lrs.length; i++) {
                sweep.append(String.format(Locale.ROOT, "%d,%.8g,%.8g%n", i, lrs[i], losses[i]));
            }
            outputs.writeText("recorder.csv", sweep.toString());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("recipe", Map.of("data", data.data.toString(), "arch", model.arch, "pretrained",
                    model.pretrained || model.weights != null, "size", data.size, "bs", data.bs, "seed", data.seed));
            result.put("vocab", dls.vocab().map(v -> v.items()).orElse(java.util.List.of()));
            result.put("suggestions", Map.of("valley", s.valley(), "slide", s.slide(), "minimum", s.minimum(),
                    "steep", s.steep()));
            outputs.writeText("result.json", RunOutputs.json(result));
            pw.println("Run folder: " + dir);
            if (json) {
                pw.print(RunOutputs.json(result));
            }
            pw.flush();
        }
        return 0;
    }
}
