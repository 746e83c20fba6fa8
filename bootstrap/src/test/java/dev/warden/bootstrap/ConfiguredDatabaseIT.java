package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database URL configured anywhere (a configuration file, a system property, ...) wins: Warden uses
 * that server and starts no embedded one. Warden is started here as {@code main} starts it; the
 * configured server is the tests' own PostgreSQL.
 */
class ConfiguredDatabaseIT {

    @TempDir
    Path directory;

    @Test
    void a_url_in_a_configuration_file_wins_and_no_embedded_database_starts() throws IOException {
        Path embeddedData = directory.resolve("embedded");
        Path file = directory.resolve("warden.yml");
        Files.writeString(file, String.join("\n",
                "datasources:",
                "  default:",
                "    url: " + url(),
                "    username: postgres",
                "    password: postgres",
                "micronaut.server.port: -1",
                "warden:",
                "  data-dir: " + embeddedData,
                "  jwt.secret: a configured secret of at least 32 characters",
                "  inbox.workers.enabled: false",
                ""));

        String previous = System.setProperty("micronaut.config.files", file.toString());
        try (ApplicationContext warden = Application.start()) {
            assertUsesTheConfiguredServer(warden, embeddedData);
        } finally {
            restore("micronaut.config.files", previous);
        }
    }

    @Test
    void a_url_in_a_system_property_wins_and_no_embedded_database_starts() {
        Path embeddedData = directory.resolve("embedded");
        Map<String, String> properties = Map.of("datasources.default.url", url(),
                "datasources.default.username", "postgres", "datasources.default.password", "postgres",
                "warden.data-dir", embeddedData.toString(),
                "warden.jwt.secret", "a configured secret of at least 32 characters",
                "warden.inbox.workers.enabled", "false", "micronaut.server.port", "-1");
        properties.forEach(System::setProperty);
        try (ApplicationContext warden = Application.start()) {
            assertUsesTheConfiguredServer(warden, embeddedData);
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    private static void assertUsesTheConfiguredServer(ApplicationContext warden, Path embeddedData) {
        assertThat(warden.getProperty("datasources.default.url", String.class)).contains(url());
        assertThat(warden.getProperty("warden.database.embedded", Boolean.class)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(embeddedData).as("no embedded server was started").doesNotExist();
        EmbeddedServer server = warden.getBean(EmbeddedServer.class);
        try (HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(client.toBlocking().exchange("/health").code()).isEqualTo(200);
        }
    }

    private static String url() {
        return TestPostgres.server().getJdbcUrl("postgres", "postgres");
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }
}
