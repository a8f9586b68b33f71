package org.fastai4j.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: print the stack trace of a failure (read by {@link FailureHandler}). */
final class DebugOption {
    @Option(names = "--debug", description = "Print the stack trace when something fails.")
    boolean debug;
}
