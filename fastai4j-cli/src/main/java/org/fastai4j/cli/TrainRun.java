package org.fastai4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fastai4j.data.BatchTransform;
import org.fastai4j.learner.FineTuneOptions;
import org.fastai4j.learner.Learner;
import org.fastai4j.learner.SuggestedLrs;
import org.fastai4j.metrics.Metric;
import org.fastai4j.optim.Lr;
import org.fastai4j.vision.Arch;
import org.fastai4j.vision.FolderLoadersBuilder;
import org.fastai4j.vision.ImageDataLoaders;
import org.fastai4j.vision.VisionLearner;
import org.fastai4j.vision.augment.Augment;
import org.fastai4j.vision.transform.Resize;
import org.fastai4j.vision.transform.ResizeMethod;

/**
 * One training run of the command, composed only of public library calls: the loaders, the vision
 * learner, the optional LR finder, the fit recipe, then every output of the run folder.
 */
final class TrainRun {
    private TrainRun() {}

    /** The fit recipes the command knows. */
    enum Recipe { ONE_CYCLE, FINE_TUNE, FLAT_COS }

    /** Builds the loaders of {@code d} (checked eagerly: a missing folder or no images is a clear error). */
    static ImageDataLoaders loaders(DataOptions d) {
        if (!Files.isDirectory(d.data)) {
            throw new UserError("no such folder: " + d.data);
        }
        if (d.size < 1) {
            throw new IllegalArgumentException("--size must be at least 1, got " + d.size);
        }
        ResizeMethod method;
        try {
            method = ResizeMethod.valueOf(d.resize.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--resize must be crop, pad or squish, got '" + d.resize + "'");
        }
        FolderLoadersBuilder b = ImageDataLoaders.fromFolder(d.data).optSeed(d.seed)
                .optItemTfms(Resize.of(d.size, d.size, method)).optBs(d.bs).optSkipBad(d.skipBad);
        if (d.validPct != null) {
            b.optValidPct(d.validPct);
        } else {
            b.optTrain(d.train).optValid(d.valid);
        }
        if (d.aug) {
            List<BatchTransform> aug = Augment.augTransforms();
            b.optBatchTfms(aug);
        }
        if (d.workers != null) {
            b.optWorkers(d.workers);
        }
        return b.build();
    }

    /** The learner for the model options on {@code dls}. */
    static Learner learner(ImageDataLoaders dls, ModelOptions m, List<Metric> metrics, Path out, long seed, RunLog timing) {
        Arch arch = Arch.fromName(m.arch);
        VisionLearner.Builder b = VisionLearner.builder(dls, arch).optPretrained(m.pretrained || m.weights != null);
        if (m.weights != null) {
            if (!Files.isRegularFile(m.weights)) {
                throw new UserError("no such weights file: " + m.weights);
            }
            b.optWeights(m.weights);
        }
        metrics.forEach(b::addMetric);
        b.learner(lb -> lb.optPath(out).optSeed(seed).addCallback(timing));
        return b.build();
    }

    static Recipe recipe(String fit, boolean pretrained) {
        if (fit == null) {
            return pretrained ? Recipe.FINE_TUNE : Recipe.ONE_CYCLE;
        }
        return switch (fit.trim().toLowerCase(Locale.ROOT)) {
            case "one-cycle", "one_cycle" -> Recipe.ONE_CYCLE;
            case "fine-tune", "fine_tune" -> Recipe.FINE_TUNE;
            case "flat-cos", "flat_cos" -> Recipe.FLAT_COS;
            default -> throw new IllegalArgumentException("--fit must be one-cycle, fine-tune or flat-cos, got '" + fit + "'");
        };
    }

    static Path runFolder(Path requested) throws IOException {
        Path out = requested != null ? requested
                : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(out);
        return out.toAbsolutePath().normalize();
    }

    /** Runs the whole recipe and writes the run folder; returns result.json's content. */
    static Map<String, Object> run(DataOptions d, ModelOptions m, FitOptions f, PrintWriter out) throws IOException {
        List<Metric> metrics = MetricNames.parse(f.metrics);
        if (f.epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + f.epochs);
        }
        Arch.fromName(m.arch); // fail on a bad name before reading any data
        boolean pretrained = m.pretrained || m.weights != null;
        Recipe recipe = recipe(f.fit, pretrained);
        Path dir = runFolder(f.out);
        ImageDataLoaders dls = loaders(d);
        RunLog timing = new RunLog();
        try (Learner learn = learner(dls, m, metrics, dir, d.seed, timing)) {
            RunOutputs outputs = new RunOutputs(dir, out);
            outputs.showBatch(dls);
            SuggestedLrs suggestions = null;
            if (f.lrFind) {
                suggestions = learn.lrFind();
                out.printf("LR finder: valley %.2e, slide %.2e, minimum %.2e, steep %.2e%n",
                        suggestions.valley(), suggestions.slide(), suggestions.minimum(), suggestions.steep());
                outputs.lrFind(suggestions);
                timing.reset(); // the sweep is not part of the run's history
            }
            double lr = f.lr != null ? f.lr : suggestions != null ? suggestions.valley()
                    : recipe == Recipe.FINE_TUNE ? FineTuneOptions.DEFAULTS.baseLr() : 1e-3;
            switch (recipe) {
                case ONE_CYCLE -> learn.fitOneCycle(f.epochs, Lr.of(lr));
                case FLAT_COS -> learn.fitFlatCos(f.epochs, Lr.of(lr));
                case FINE_TUNE -> learn.fineTune(f.epochs, FineTuneOptions.DEFAULTS.withBaseLr(lr).withFreezeEpochs(f.freezeEpochs));
            }
            Map<String, Object> recipeInfo = new LinkedHashMap<>();
            recipeInfo.put("data", d.data.toString());
            recipeInfo.put("split", d.validPct != null ? "valid_pct=" + d.validPct : d.train + "/" + d.valid);
            recipeInfo.put("seed", d.seed);
            recipeInfo.put("arch", m.arch);
            recipeInfo.put("pretrained", pretrained);
            recipeInfo.put("weights", m.weights == null ? null : m.weights.toString());
            recipeInfo.put("size", d.size);
            recipeInfo.put("resize", d.resize);
            recipeInfo.put("aug", d.aug);
            recipeInfo.put("bs", d.bs);
            recipeInfo.put("workers", d.workers);
            recipeInfo.put("fit", recipe.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            recipeInfo.put("epochs", f.epochs);
            recipeInfo.put("freeze_epochs", recipe == Recipe.FINE_TUNE ? f.freezeEpochs : null);
            recipeInfo.put("lr", lr);
            recipeInfo.put("lr_find", f.lrFind);
            recipeInfo.put("metrics", f.metrics);
            return outputs.writeAll(learn, recipeInfo, timing, suggestions);
        }
    }
}
