package dev.warden.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** One embedded PostgreSQL for all end-to-end tests of a test JVM; Flyway migrates it when the app starts. */
final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    /** The shared test server, started on first use. */
    static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    /** Properties for a Warden context on the shared test database, with a configured super admin. */
    static synchronized Map<String, String> properties() {
        EmbeddedPostgres postgres = server();
        return Map.of(
                "warden.meta.app-secret", MetaWebhooks.APP_SECRET + "," + MetaWebhooks.OLD_APP_SECRET,
                "warden.meta.verify-token", MetaWebhooks.VERIFY_TOKEN,
                "datasources.default.url", postgres.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "warden.database.embedded", "true",
                "warden.admin.username", ROOT_USERNAME,
                "warden.admin.password", ROOT_PASSWORD,
                // A test takes the snapshot it asserts on; a scheduled one would add points to other tests' trends.
                "warden.quality.snapshot.enabled", "false");
    }

    static final String ROOT_USERNAME = "root";
    static final String ROOT_PASSWORD = "root password for tests";
}
