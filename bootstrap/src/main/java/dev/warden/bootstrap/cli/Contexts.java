package dev.warden.bootstrap.cli;

import io.micronaut.context.ApplicationContext;
import java.util.List;

/**
 * How a command gets Warden running: the whole server, or the application alone (database and use
 * cases, no HTTP server, no background work) for a command that does one thing and exits. Both read
 * configuration from the usual sources plus {@code settings} ({@code --name=value}).
 */
public interface Contexts {

    /** Starts Warden as it always starts: embedded database unless one is configured, HTTP server, workers. */
    ApplicationContext server(List<String> settings);

    /** Starts the application on the configured (or embedded) database, migrated, with no server and no workers. */
    ApplicationContext operator(List<String> settings);
}
