package org.fastai4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fastai4j demo}: the README's first command. Trains a ResNet-18 from scratch on the
 * Fashion-MNIST sample shipped in {@code data/fashion-mnist-sample} with fastai's one-cycle
 * schedule and writes the run folder {@code runs/demo}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a ResNet-18 on the shipped Fashion-MNIST sample and write runs/demo.")
final class DemoCommand implements Callable<Integer> {
    /** Where the sample lives, relative to the repository root (the launcher runs from there). */
    static final Path SAMPLE = Path.of("data", "fashion-mnist-sample");

    @Option(names = "--data", description = "The sample folder (default: data/fashion-mnist-sample).")
    Path sample = SAMPLE;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--out", description = "Run folder (default: runs/demo).")
    Path out = Path.of("runs", "demo");

    @Mixin DebugOption debug;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(sample)) {
            throw new UserError("the sample dataset is not at " + sample.toAbsolutePath()
                    + "; run the demo from the repository root (bin/fastai4j does) or pass --data");
        }
        DataOptions d = new DataOptions();
        d.data = sample;
        d.train = "train";
        d.valid = "valid";
        d.seed = 42;
        d.size = 28;
        d.resize = "crop";
        d.aug = false;
        d.bs = 64;
        ModelOptions m = new ModelOptions();
        m.arch = "resnet18";
        m.pretrained = false;
        FitOptions f = new FitOptions();
        f.epochs = epochs;
        f.lr = 3e-3;
        f.fit = "one-cycle";
        f.metrics = List.of("accuracy", "error_rate");
        f.out = out;
        spec.commandLine().getOut().println("fastai4j demo: resnet18 from scratch on " + sample
                + " (2,000 train / 500 valid Fashion-MNIST images), fitOneCycle(" + epochs + ", 3e-3)");
        TrainRun.run(d, m, f, spec.commandLine().getOut());
        return 0;
    }
}
