package org.fastai4j.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the dependencies of DESIGN.md pointing one way:
 * (learner, callback, interpret) → (metrics, losses) → (data, optim) → (core, io, plot).
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fastai4j");

    private static final String[] BASE = {"org.fastai4j.core..", "org.fastai4j.io..", "org.fastai4j.plot.."};
    private static final String[] DATA_OPTIM = {"org.fastai4j.data..", "org.fastai4j.optim.."};
    private static final String[] METRICS_LOSSES = {"org.fastai4j.metrics..", "org.fastai4j.losses.."};
    private static final String[] HIGH = {"org.fastai4j.learner..", "org.fastai4j.callback..", "org.fastai4j.interpret.."};

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void baseDependsOnNothingAbove() {
        noClasses().that().resideInAnyPackage(BASE)
                .should().dependOnClassesThat().resideInAnyPackage(concat(DATA_OPTIM, METRICS_LOSSES, HIGH))
                .check(CLASSES);
    }

    @Test
    void dataAndOptimDependOnlyDownward() {
        noClasses().that().resideInAnyPackage(DATA_OPTIM)
                .should().dependOnClassesThat().resideInAnyPackage(concat(METRICS_LOSSES, HIGH))
                .check(CLASSES);
    }

    @Test
    void metricsAndLossesDependOnlyDownward() {
        noClasses().that().resideInAnyPackage(METRICS_LOSSES)
                .should().dependOnClassesThat().resideInAnyPackage(HIGH)
                .check(CLASSES);
    }

    @Test
    void coreModuleKnowsNothingOfVisionOrCli() {
        noClasses().that().resideInAPackage("org.fastai4j..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fastai4j.vision..", "org.fastai4j.cli..")
                .check(CLASSES);
    }

    /** The JDK deserializer's class name, spelled so this file does not itself match. */
    private static final String FORBIDDEN = "Object" + "Input" + "Stream";

    /** Model and export files are data: no Java deserialization anywhere in the project's sources. */
    @Test
    void noJavaDeserializationInAnySource() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files
                    .filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains(FORBIDDEN);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).as("sources using " + FORBIDDEN).isEmpty();
    }
}
