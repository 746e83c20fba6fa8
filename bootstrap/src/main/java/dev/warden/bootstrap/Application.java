package dev.warden.bootstrap;

import dev.warden.bootstrap.cli.Arguments;
import dev.warden.bootstrap.cli.WardenCommand;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.context.env.Environment;
import io.micronaut.core.cli.CommandLine;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warden's entry point, the {@code warden} command: without a command it serves (an embedded PostgreSQL
 * unless a database URL is configured, then the Micronaut application); other commands run and exit.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

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

    /**
     * Starts Warden (and, first, the embedded database if it needs one); the running context. Not
     * {@code Micronaut.run}: its shutdown hook would stop the server while {@link OrderlyStop}, the
     * one hook Warden registers, still lets the work in hand finish.
     */
    static ApplicationContext start(String... args) {
        long started = System.nanoTime();
        Optional<EmbeddedDatabase> database = embeddedDatabaseUnlessConfigured(args);
        OrderlyStop stop = OrderlyStop.onShutdown(database);
        ApplicationContext context = null;
        try {
            context = Micronaut.build(args).mainClass(Application.class).properties(properties(database)).build();
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            LOG.info("Startup completed in {}ms. Server Running: {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), server.getURL());
            stop.of(context, Optional.of(server));
            return context;
        } catch (RuntimeException e) {
            if (context != null) {
                context.close();
            }
            database.ifPresent(EmbeddedDatabase::stop);
            throw e;
        }
    }

    /**
     * Starts the application without the HTTP server and without background work, on the same
     * database {@link #start} would use; Flyway migrates it as the datasource starts.
     */
    static ApplicationContext operator(String... args) {
        Optional<EmbeddedDatabase> database = embeddedDatabaseUnlessConfigured(args);
        OrderlyStop stop = OrderlyStop.onShutdown(database);
        try {
            ApplicationContext context = ApplicationContext.builder(Application.class)
                    .propertySources(new CommandLinePropertySource(CommandLine.parse(args)))
                    .properties(properties(database)).properties(WITHOUT_BACKGROUND_WORK).start();
            // The command closes the context when done; the database is stopped when the JVM exits.
            stop.of(context, Optional.empty());
            return context;
        } catch (RuntimeException e) {
            database.ifPresent(EmbeddedDatabase::stop);
            throw e;
        }
    }

    private static Map<String, Object> properties(Optional<EmbeddedDatabase> database) {
        return new HashMap<>(database.map(EmbeddedDatabase::properties).orElse(Map.of()));
    }

    /**
     * Decides on the configuration Warden will run with, read from the same sources the application
     * reads (application.yml, micronaut.config.files, environment variables, system properties, the
     * command line), so "is a database configured?" gets the answer the datasource will see.
     */
    private static Optional<EmbeddedDatabase> embeddedDatabaseUnlessConfigured(String... args) {
        try (ApplicationContext probe = ApplicationContext.builder(Application.class)
                .propertySources(new CommandLinePropertySource(CommandLine.parse(args))).build()) {
            Environment configuration = probe.getEnvironment();
            configuration.start();
            return EmbeddedDatabase.startUnlessConfigured(configuration);
        }
    }
}
