package dev.warden.bootstrap.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only groups others ({@code warden org}): run alone, it is a usage error naming them. */
@Command
abstract class CommandGroup implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "Missing a command: " + String.join(", ", spec.subcommands().keySet()));
    }
}
