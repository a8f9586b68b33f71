package org.fastai4j.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 5, complementing {@code LayeringTest.noJavaDeserializationInAnySource} (which
 * greps every {@code src/main} under the repository root): this test proves the scan is not
 * vacuous (every module of the root pom that has sources is found, core, vision and cli among
 * them), extends it to test sources and to the other JDK deserializers, and checks the compiled
 * classes of fastai4j-core ({@code target/classes}) with ArchUnit (no dependency on the deserializer classes at all).
 */
class NoJavaDeserializationTest {
    /** Spelled in pieces so this file does not match itself. */
    static final List<String> FORBIDDEN = List.of("Object" + "InputStream", "XML" + "Decoder", "read" + "Unshared");

    static Path root() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).as("the repository root (parent of fastai4j-core)").exists();
        return root;
    }

    static List<String> modules(Path root) throws IOException {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(root.resolve("pom.xml")));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    @Test
    void everyModulesSourcesAreScannedAndNoneUsesJavaDeserialization() throws IOException {
        Path root = root();
        List<String> modules = modules(root);
        assertThat(modules).contains("fastai4j-core", "fastai4j-vision", "fastai4j-cli", "fastai4j-examples",
                "benchmarks");
        Map<String, Integer> scanned = new TreeMap<>();
        List<String> offenders = new ArrayList<>();
        for (String module : modules) {
            Path src = root.resolve(module).resolve("src");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                    scanned.merge(module, 1, Integer::sum);
                    String text = read(p);
                    FORBIDDEN.stream().filter(text::contains).forEach(t -> offenders.add(root.relativize(p) + ": " + t));
                }
            }
        }
        System.out.println("NoJavaDeserializationTest: .java files scanned per module: " + scanned);
        assertThat(scanned.keySet()).as("modules with sources scanned")
                .contains("fastai4j-core", "fastai4j-vision", "fastai4j-cli");
        assertThat(scanned.get("fastai4j-core")).isGreaterThan(100);
        assertThat(offenders).as("sources using a JDK deserializer").isEmpty();
    }

    @Test
    void noCompiledCoreClassDependsOnTheDeserializers() {
        noClasses().that().resideInAPackage("org.fastai4j..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.io." + FORBIDDEN.get(0))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.beans." + FORBIDDEN.get(1))
                .check(new ClassFileImporter().importPath(Path.of("target/classes")));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
