package dev.warden.bootstrap.cli;

import dev.warden.domain.shared.DomainException;
import dev.warden.domain.shared.InvalidValue;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What a command that failed tells the operator: one line saying why, never a stack trace. A value
 * the operator got wrong exits 2 (like a usage error), a refusal or a fault 1.
 */
final class Failures {

    private Failures() {
    }

    static int report(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidValue) {
                commandLine.getErr().println("warden: " + cause.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (cause instanceof DomainException) {
                commandLine.getErr().println("warden: " + cause.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
        }
        commandLine.getErr().println("warden: " + commandLine.getCommandSpec().qualifiedName() + " failed: " + rootMessage(exception));
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The innermost message: "Connection refused", not the bean path Micronaut wraps it in. */
    private static String rootMessage(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }
}
