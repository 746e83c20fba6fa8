package dev.warden.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code warden serve}: the HTTP server and the background work, on the configured or embedded database. */
@Command(name = "serve",
        description = "Runs Warden: the API, the webhook receiver and the background work (the default).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private WardenCommand warden;

    @Override
    public Integer call() {
        return warden.serve();
    }
}
