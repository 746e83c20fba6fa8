package dev.warden.bootstrap;

import static dev.warden.bootstrap.WardenRunner.unconfigured;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.WardenRunner.Run;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code warden demo} as a newcomer runs it: the real server on an embedded database of its own (in
 * target/, which is left to {@code mvn clean} since the embedded PostgreSQL stops only with the JVM),
 * recorded signed webhooks through the receiver, and the story told from what Warden recorded.
 */
class DemoCommandIT {

    private static Path dataDirectory() {
        return Path.of("target", "demo-it-" + UUID.randomUUID()).toAbsolutePath();
    }

    /** The lines a step of the story printed, from its numbered headline to the next. */
    private static String step(String out, String headline) {
        return Arrays.stream(out.split("(?m)^(?=\\d+\\. )")).filter(block -> block.contains(headline))
                .findFirst().orElseThrow(() -> new AssertionError("no step \"" + headline + "\" in:\n" + out));
    }

    @Test
    void a_pause_holds_the_campaign_and_raises_an_alert_and_the_recovery_releases_it() throws IOException {
        Path previous = Files.createDirectories(dataDirectory().resolve("postgres")).getParent();
        Files.writeString(previous.resolve(".warden-demo"), "");
        Files.writeString(previous.resolve("postgres/PG_VERSION"), "17");
        Files.writeString(previous.resolve("left-by-the-last-demo"), "");
        try (WardenRunner runner = new WardenRunner()) {
            Run demo = runner.warden(unconfigured("demo", "--exit", "--data-dir", previous.toString(),
                    "--micronaut.server.port=-1"));

            assertThat(demo.exitCode()).as(demo.err() + demo.out()).isZero();
            assertThat(demo.serving()).as("--exit ends after the story").isFalse();
            assertThat(runner.servers()).singleElement().satisfies(server ->
                    assertThat(server.isRunning()).as("the demo closed its server").isFalse());
            String out = demo.out();
            assertThat(step(out, "Meta approves three templates")).contains("HTTP 200")
                    .contains("order_update").contains("appointment_reminder").contains("spring_sale");
            assertThat(step(out, "starts the campaign")).contains("campaign \"Spring sale\": RUNNING, no holds");
            assertThat(step(out, "Meta pauses spring_sale"))
                    .contains("template spring_sale", "PAUSED, quality RED")
                    .contains("campaign \"Spring sale\": PAUSED, held by TEMPLATE_STATUS (PAUSED) (Warden's)")
                    .contains("raised: alert TEMPLATE_PAUSED OPEN");
            assertThat(step(out, "Meta unpauses it"))
                    .contains("APPROVED, quality RED")
                    .contains("campaign \"Spring sale\": RUNNING, no holds")
                    .contains("resolved: alert TEMPLATE_PAUSED RESOLVED");
            assertThat(step(out, "quality is high again")).contains("open alerts: 0");
            assertThat(out).contains("sign in: POST http://localhost:").contains("\"username\":\"acme-admin\"");
            assertThat(previous.resolve("left-by-the-last-demo")).as("the demo started over").doesNotExist();
        }
    }

    @Test
    void a_folder_the_demo_did_not_make_a_running_demo_or_the_installation_s_data_is_left_alone() throws IOException {
        Path foreign = Files.createDirectories(dataDirectory());
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        Path stoppedCluster = Files.createDirectories(dataDirectory());
        Files.writeString(stoppedCluster.resolve("PG_VERSION"), "17");
        Path running = Files.createDirectories(dataDirectory().resolve("postgres")).getParent();
        Files.writeString(running.resolve(".warden-demo"), "");
        Files.writeString(running.resolve("postgres/postmaster.pid"), "4242");
        Path installation = dataDirectory();
        try (WardenRunner runner = new WardenRunner()) {
            Run refused = runner.warden(unconfigured("demo", "--exit", "--data-dir", foreign.toString()));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).startsWith("warden: ").contains("not a folder a demo made");
            assertThat(foreign.resolve("notes.txt")).exists();

            Run stopped = runner.warden(unconfigured("demo", "--exit", "--data-dir", stoppedCluster.toString()));
            assertThat(stopped.exitCode()).as("a stopped PostgreSQL's folder").isEqualTo(1);
            assertThat(stopped.err().lines()).singleElement().asString().contains("not a folder a demo made");
            assertThat(stoppedCluster.resolve("PG_VERSION")).exists();

            Run inUse = runner.warden(unconfigured("demo", "--exit", "--data-dir", running.toString()));
            assertThat(inUse.exitCode()).isEqualTo(1);
            assertThat(inUse.err()).startsWith("warden: ").contains("is in use");
            assertThat(running.resolve("postgres/postmaster.pid")).exists();

            Run own = runner.warden(unconfigured("demo", "--exit", "--data-dir", installation.toString(),
                    "--warden.data-dir=" + installation));
            assertThat(own.exitCode()).isEqualTo(1);
            assertThat(own.err().lines()).singleElement().asString().startsWith("warden: ").contains("warden.data-dir");
            assertThat(installation).as("not even created").doesNotExist();
            assertThat(runner.servers()).as("nothing started").isEmpty();
        }
    }

    @Test
    void without_exit_warden_keeps_serving_and_the_printed_login_shows_the_running_campaign() {
        try (WardenRunner runner = new WardenRunner()) {
            Run demo = runner.warden(unconfigured("demo", "--data-dir", dataDirectory().toString(),
                    "--micronaut.server.port=-1", "--warden.meta.access-token=EAAthe-user-s-real-token",
                    "--warden.smtp.host=smtp.example", "--warden.myoperator.api-key=the-user-s-real-key"));

            assertThat(demo.exitCode()).as(demo.err() + demo.out()).isZero();
            assertThat(demo.serving()).isTrue();
            Matcher login = Pattern.compile("\"username\":\"acme-admin\",\"password\":\"([^\"]+)\"")
                    .matcher(demo.out());
            assertThat(login.find()).as(demo.out()).isTrue();
            ApplicationContext server = runner.servers().get(0);
            assertThat(server.getProperty("warden.reconcile.enabled", Boolean.class)).as("no reconciliation")
                    .contains(false);
            for (String integration
                    : List.of("warden.meta.access-token", "warden.smtp.host", "warden.myoperator.api-key")) {
                assertThat(server.getProperty(integration, String.class).orElse("")).as(integration).isBlank();
            }
            URL url = server.getBean(EmbeddedServer.class).getURL();
            try (HttpClient client = HttpClient.create(url)) {
                ApiClient api = new ApiClient(client.toBlocking());
                String token = api.login("acme-admin", login.group(1));
                assertThat(Tenant.items(api.get("/api/v1/campaigns", token))).singleElement()
                        .satisfies(campaign -> assertThat(campaign).containsEntry("name", "Spring sale")
                                .containsEntry("status", "RUNNING"));
            }
        }
    }

    @Test
    void a_configured_database_is_refused_unless_asked_for_and_then_used_once() throws SQLException {
        try (WardenRunner runner = new WardenRunner()) {
            String database = "demo_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            String[] configured = {
                    "--datasources.default.url=" + TestPostgres.server().getJdbcUrl("postgres", database),
                    "--datasources.default.username=postgres", "--datasources.default.password=postgres",
                    "--warden.jwt.secret=a configured secret of at least 32 characters", "--micronaut.server.port=-1"};

            Run refused = runner.warden(unconfigured(with(configured, "demo", "--exit")));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).startsWith("warden: ").contains("DATASOURCES_DEFAULT_URL")
                    .contains("--on-configured-database");
            assertThat(runner.servers()).as("nothing started").isEmpty();

            Run used = runner.warden(unconfigured(with(configured, "demo", "--exit", "--on-configured-database")));
            assertThat(used.exitCode()).as(used.err() + used.out()).isZero();
            assertThat(step(used.out(), "Meta unpauses it")).contains("RUNNING, no holds");
            assertThat(used.out()).as("no super admin of the demo's own").doesNotContain("(super admin)");

            Run again = runner.warden(unconfigured(with(configured, "demo", "--exit", "--on-configured-database")));
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.err()).startsWith("warden: ").doesNotContain("\tat ");
        }
    }

    private static String[] with(String[] settings, String... command) {
        return Stream.concat(Arrays.stream(command), Arrays.stream(settings)).toArray(String[]::new);
    }
}
