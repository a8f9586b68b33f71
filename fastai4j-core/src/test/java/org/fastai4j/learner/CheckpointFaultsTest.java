package org.fastai4j.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fastai4j.callback.SaveModel;
import org.fastai4j.optim.Lr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9 items 8 (kill -9 during checkpoint writing) and 10 (disk full), with child JVMs. */
class CheckpointFaultsTest {
    @TempDir
    Path dir;

    static List<String> javaCommand(String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), CheckpointChild.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /**
     * A child JVM trains and SaveModel writes a checkpoint (weights + optimizer, fsync'd) after every
     * epoch, then the child saves "spin" 5 times in a tight loop; it is killed with SIGKILL at random moments, 3 times. After each kill:
     * every checkpoint file present loads strictly with its optimizer state (a rename is all or
     * nothing), and the last one the child reported saved (a save that returned) is among them, each
     * with its epoch in its metadata: at most the epoch in progress is lost. The next start (the next child, and finally
     * a fit with SaveModel here) deletes the temporary files a kill left: none remain.
     */
    @Test
    void killingTheProcessWhileItWritesCheckpointsNeverBreaksTheLastOne() throws Exception {
        Random rnd = new Random(8);
        Path models = dir.resolve("models");
        int tempsSeen = 0;
        for (int kill = 0; kill < 3; kill++) {
            Process p = new ProcessBuilder(javaCommand("loop", dir.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int lastSaved = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertThat(line).as("child output").startsWith("saved ");
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200 + rnd.nextInt(500));
                lastSaved = Integer.parseInt(line.substring(6));
                while (System.nanoTime() < deadline) {
                    if (out.ready()) {
                        String l = out.readLine();
                        if (l != null && l.startsWith("saved ")) {
                            lastSaved = Integer.parseInt(l.substring(6));
                        }
                    } else {
                        Thread.sleep(1);
                    }
                }
                p.destroyForcibly(); // SIGKILL (closes our end of the pipe too)
                p.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(p.isAlive()).isFalse();
            tempsSeen += files(models, ".tmp").size();
            System.out.println("kill " + kill + ": last reported save ck_" + lastSaved + ", files " + files(models, ""));
            List<Path> weights = files(models, ".safetensors").stream()
                    .filter(f -> !f.getFileName().toString().endsWith(".opt.safetensors")).toList();
            assertThat(weights).contains(models.resolve("ck_" + lastSaved + ".safetensors"));
            try (Learner fresh = CheckpointChild.learner(dir)) {
                for (Path w : weights) {
                    String name = w.getFileName().toString().replace(".safetensors", "");
                    fresh.load(name, true, true);
                    if (name.startsWith("ck_")) {
                        assertThat(Checkpoints.readMetadata(fresh, name).get("epoch")).isEqualTo(name.substring(3));
                    }
                }
                assertThat(CheckpointsTest.optState(fresh)).isNotEmpty();
            }
        }
        System.out.println("temporary files found right after the 3 kills: " + tempsSeen);
        try (Learner next = CheckpointChild.learner(dir)) {
            next.fit(1, Lr.of(1e-3), SaveModel.builder().optFname("next").optEveryEpoch(1).build());
        }
        assertThat(files(models, ".tmp")).isEmpty();
        assertThat(files(dir, ".tmp")).isEmpty();
    }

    /**
     * Issue 9 item 10, disk full: the child runs under {@code ulimit -f 0} (no file may grow: writes
     * fail with EFBIG, as with ENOSPC), loads checkpoint "prev", trains and tries to overwrite it.
     * The save throws an IOException naming the file; the weights are unchanged and training goes
     * on; no temporary file is left; "prev" is byte for byte what it was. The same for an export over
     * the previous export directory "exp": IOException naming it, the old export intact, no
     * temporary directory left.
     */
    @Test
    void aFullDiskGivesAnIOExceptionNamingTheFileAndKeepsThePreviousCheckpoint() throws Exception {
        Path bash = Path.of("/bin/bash");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(bash), "needs /bin/bash for ulimit");
        try (Learner learn = CheckpointChild.learner(dir)) {
            learn.fit(1, Lr.of(1e-3));
            learn.save("prev");
            learn.export(dir.resolve("exp"));
        }
        byte[] manifest = Files.readAllBytes(dir.resolve("exp/manifest.json"));
        byte[] exported = Files.readAllBytes(dir.resolve("exp/weights.safetensors"));
        Path prev = dir.resolve("models/prev.safetensors");
        byte[] weights = Files.readAllBytes(prev);
        byte[] opt = Files.readAllBytes(dir.resolve("models/prev.opt.safetensors"));
        List<String> cmd = new ArrayList<>(List.of(bash.toString(), "-c", "ulimit -f 0; exec \"$0\" \"$@\""));
        cmd.addAll(javaCommand("full", dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("IOEXCEPTION cannot save checkpoint 'prev' to " + prev.toAbsolutePath())
                .contains("UNCHANGED true").contains("TRAINED true").contains("TEMPS 0").doesNotContain("SAVED")
                .contains("EXPORT-IOEXCEPTION cannot export the learner to " + dir.resolve("exp").toAbsolutePath())
                .doesNotContain("EXPORTED");
        assertThat(Files.readAllBytes(dir.resolve("exp/manifest.json"))).isEqualTo(manifest);
        assertThat(Files.readAllBytes(dir.resolve("exp/weights.safetensors"))).isEqualTo(exported);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("models", "exp");
        }
        assertThat(Files.readAllBytes(prev)).isEqualTo(weights);
        assertThat(Files.readAllBytes(dir.resolve("models/prev.opt.safetensors"))).isEqualTo(opt);
    }
}
