package dev.warden.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.CommandLinePropertySource;
import io.micronaut.context.env.Environment;
import io.micronaut.core.cli.CommandLine;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** Warden's entry point: an embedded PostgreSQL unless a database URL is configured, then the Micronaut application. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        start(args);
    }

    /** Starts Warden (and, first, the embedded database if it needs one); the running context. */
    static ApplicationContext start(String... args) {
        Map<String, Object> database = embeddedDatabaseUnlessConfigured(args);
        return Micronaut.build(args).mainClass(Application.class).properties(database).start();
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
