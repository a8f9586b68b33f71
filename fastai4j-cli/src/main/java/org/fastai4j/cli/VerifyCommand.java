package org.fastai4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fastai4j.vision.ImageDataLoaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fastai4j verify DATA}: lists the image files that cannot be decoded (exit 1 when there are any). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "List the image files under DATA that cannot be decoded (fastai's verify_images).")
final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DATA", description = "Folder of images.")
    Path data;

    @Mixin DebugOption debug;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(data)) {
            throw new UserError("no such folder: " + data);
        }
        List<String> bad = ImageDataLoaders.verifyImages(data);
        var out = spec.commandLine().getOut();
        bad.forEach(out::println);
        out.println(bad.isEmpty() ? "all images decode" : bad.size() + " file(s) cannot be decoded");
        out.flush();
        return bad.isEmpty() ? 0 : 1;
    }
}
