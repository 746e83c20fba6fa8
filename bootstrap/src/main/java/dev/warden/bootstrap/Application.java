package dev.warden.bootstrap;

import dev.warden.bootstrap.cli.Arguments;
import dev.warden.bootstrap.cli.WardenCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.context.env.Environment;
import io.micronaut.core.cli.CommandLine;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/**
 * Warden's entry point, the {@code warden} command: without a command it serves (an embedded PostgreSQL
 * unless a database URL is configured, then the Micronaut application); other commands run and exit.
 */
public final class Application {

    /** Nothing runs in the background of a command that does one thing and exits. */
    private static final Map<String, Object> WITHOUT_BACKGROUND_WORK = Map.of(
            "warden.inbox.workers.enabled", false,
            "warden.notify.workers.enabled", false,
            "warden.reconcile.enabled", false,
            "warden.quality.snapshot.enabled", false);

    private Application() {
    }

    public static void main(String[] args) {
        Arguments arguments = Arguments.split(args);
        WardenCommand warden = new WardenCommand(new WardenContexts(), arguments.settings());
        int exitCode = warden.commandLine().execute(arguments.commandArray());
        if (!warden.serving()) {
            System.exit(exitCode);
        }
    }

    /** Starts Warden (and, first, the embedded database if it needs one); the running context. */
    static ApplicationContext start(String... args) {
        Map<String, Object> database = embeddedDatabaseUnlessConfigured(args);
        return Micronaut.build(args).mainClass(Application.class).properties(database).start();
    }

    /**
     * Starts the application without the HTTP server and without background work, on the same
     * database {@link #start} would use; Flyway migrates it as the datasource starts.
     */
    static ApplicationContext operator(String... args) {
        Map<String, Object> database = embeddedDatabaseUnlessConfigured(args);
        return ApplicationContext.builder(Application.class)
                .propertySources(new CommandLinePropertySource(CommandLine.parse(args)))
                .properties(database).properties(WITHOUT_BACKGROUND_WORK).start();
    }

    /**
     * Decides on the configuration Warden will run with, read from the same sources the application
     * reads (application.yml, micronaut.config.files, environment variables, system properties, the
     * command line), so "is a database configured?" gets the answer the datasource will see.
     */
    private static Map<String, Object> embeddedDatabaseUnlessConfigured(String... args) {
        try (ApplicationContext probe = ApplicationContext.builder(Application.class)
                .propertySources(new CommandLinePropertySource(CommandLine.parse(args))).build()) {
            Environment configuration = probe.getEnvironment();
            configuration.start();
            return EmbeddedDatabase.startUnlessConfigured(configuration);
        }
    }
}
