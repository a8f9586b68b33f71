package org.fastai4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fastai4j} command: train, inspect and use image classifiers on a folder of images
 * without writing code. Exit codes: 0 success, 1 runtime failure (a one-line message; the stack
 * trace with {@code --debug}), 2 bad usage (the reason and the usage).
 */
@Command(
        name = "fastai4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "fastai's way of training image classifiers, in Java.",
        subcommands = {
            DemoCommand.class, TrainCommand.class, LrFindCommand.class, PredictCommand.class, InterpretCommand.class,
            VerifyCommand.class, CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Entry point: runs the command and exits the JVM with its exit code (0 success, 1 runtime
     * failure, 2 bad usage). Sets {@code ai.djl.offline=true} and DJL's log level to warn unless
     * these system properties are already set.
     *
     * @param args the command line, e.g. {@code train data/pets --arch resnet34 --epochs 2}
     */
    public static void main(String[] args) {
        // Never let DJL reach for the network (natives come from the classpath); a GPU user who
        // wants DJL to fetch CUDA natives passes -Dai.djl.offline=false.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL's start-up chatter (engine INFO lines, "no GPU" warnings) is noise in a terminal.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Runs the command with the given output streams and returns its exit code, without exiting
     * the JVM or changing system properties (for tests and embedding).
     *
     * @param out where results, help and version go
     * @param err where errors and usage after a bad command line go
     * @param args the command line, without the program name
     * @return 0 on success, 1 on a runtime failure (the error in one line on {@code err}), 2 on bad
     *     usage
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
