package org.fastai4j.cli;

import java.util.Arrays;
import picocli.CommandLine;

/**
 * Turns a runtime failure into exit code 1 and one line naming what went wrong; the stack trace
 * only with {@code --debug}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean debug = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--debug");
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                || ex instanceof java.io.UncheckedIOException || ex instanceof UserError) {
            cl.getErr().println("fastai4j: error: " + message);
        } else {
            cl.getErr().println("fastai4j: error: " + ex.getClass().getSimpleName() + ": " + message);
        }
        if (debug) {
            ex.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println("(run again with --debug for the stack trace)");
        }
        cl.getErr().flush();
        return 1;
    }
}
