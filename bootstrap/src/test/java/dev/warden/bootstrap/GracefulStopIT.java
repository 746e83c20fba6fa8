package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.http.client.HttpClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a Warden process on its embedded database, stopped with SIGTERM while its inbox and its
 * outbox hold a backlog and webhooks keep arriving, stops in order and within a bound: webhooks get 200
 * or 503 (or find no server any more), never another 5xx; the log of the stop holds no warning, error
 * or broken connection; the embedded database stops last. Restarted on the same data directory, Warden
 * applies every acknowledged change once and sends every notice; a 503 stored nothing.
 */
class GracefulStopIT {

    private static final int BACKLOG = 60;
    private static final String SLACK_PATH = "/services/T000/B000/stop";
    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL on port (\\d+)");

    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private final Path dataDir = Path.of("target", "graceful-stop", String.valueOf(System.nanoTime()), "postgres")
            .toAbsolutePath();
    private Process warden;

    @AfterEach
    void stop() {
        if (warden != null) {
            warden.destroyForcibly();
        }
        slack.stop();
    }

    @Test
    void sigterm_with_a_backlog_and_webhooks_arriving_stops_in_order_and_loses_nothing() throws Exception {
        slack.start();
        // Slow enough that the dispatcher is busy with a batch whenever the stop begins.
        slack.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")
                .withFixedDelay(500)));
        int port = freePort();
        Path firstLog = Path.of("target", "graceful-stop-first.log");
        warden = startWarden(port, firstLog);
        ApiClient api = new ApiClient(HttpClient.create(new URL("http://localhost:" + port)).toBlocking());
        awaitServing(api, firstLog);
        String root = api.login(TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
        TestOrganization tenant = TestOrganization.create(api, root, "Stop");
        Map<String, Object> preferences = Map.of(
                "routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of("SLACK")),
                        Map.of("severity", "HIGH", "channels", List.of("SLACK")),
                        Map.of("severity", "MEDIUM", "channels", List.of("SLACK"))),
                "slack", Map.of("webhookUrl", "http://localhost:" + slack.port() + SLACK_PATH));
        assertThat(api.put("/api/v1/notification-preferences", tenant.admin(), preferences).status()).isEqualTo(200);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        Map<String, Integer> otherAnswers = new ConcurrentHashMap<>();
        List<Integer> readinessWhileRefusing = new CopyOnWriteArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            String id = String.valueOf(8_400_000 + i);
            byte[] body = bytes(approvedThenRed(tenant.waba(), id));
            assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
            acknowledged.add(id);
        }
        await(() -> !slack.getAllServeEvents().isEmpty(), "the first notice reached Slack", firstLog);

        // Meta keeps delivering while the process stops: until it is gone.
        AtomicBoolean delivering = new AtomicBoolean(true);
        Thread meta = new Thread(() -> {
            for (int i = 0; delivering.get(); i++) {
                String id = String.valueOf(8_500_000 + i);
                byte[] body = bytes(approvedThenRed(tenant.waba(), id));
                int status = api.postWebhook(body, sign(body)).status();
                if (status == 200) {
                    acknowledged.add(id);
                } else if (status == 503) {
                    refused.add(id);
                    readinessWhileRefusing.add(api.get("/health/readiness", null).status());
                } else if (status == 0) {
                    unanswered.add(id);
                } else {
                    otherAnswers.put(id, status);
                }
            }
        }, "meta-deliveries");
        meta.start();
        await(() -> acknowledged.size() > BACKLOG, "a delivery during the run was acknowledged", firstLog);
        warden.destroy();
        assertThat(warden.waitFor(60, TimeUnit.SECONDS)).as("the process stopped within 60 s after SIGTERM"
                + " (its output is in " + firstLog + ")").isTrue();
        delivering.set(false);
        meta.join();

        assertThat(otherAnswers).as("answers other than 200 and 503 (0: no server)").isEmpty();
        assertThat(refused).as("deliveries answered 503 while the process stopped").isNotEmpty();
        assertThat(readinessWhileRefusing).as("/health/readiness once webhooks are refused (0: no server)")
                .isNotEmpty().allMatch(status -> status == 503 || status == 0);
        List<String> stop = linesFrom(firstLog, "Warden is stopping");
        assertThat(stop).as("the log of the stop").isNotEmpty()
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("\tat ")
                        || line.contains("Exception") || line.contains("broken")
                        || line.contains("terminating connection"));
        assertThat(indexOf(stop, "Embedded PostgreSQL stopped")).as("the embedded database stops, last")
                .isPositive().isLessThan(indexOf(stop, "Warden stopped"));
        long sentBeforeStop = slack.getAllServeEvents().size();

        Path secondLog = Path.of("target", "graceful-stop-second.log");
        warden = startWarden(port, secondLog);
        awaitServing(api, secondLog);
        int database = databasePort(secondLog);
        await(() -> count(database, "SELECT count(*) FROM webhook_change_states WHERE waba_id = ? AND state <> 'DONE'",
                tenant.waba()) == 0, "every change applied after the restart", secondLog);
        await(() -> count(database, "SELECT count(*) FROM notifications n JOIN whatsapp_accounts w"
                + " ON w.organization_id = n.organization_id WHERE w.waba_id = ? AND n.status <> 'SENT'",
                tenant.waba()) == 0, "every notice sent after the restart", secondLog);

        // A delivery that got no answer (the server was going) may or may not have been stored: Meta retries it.
        long red = count(database, "SELECT count(*) FROM templates WHERE waba_id = ? AND quality = 'RED'",
                tenant.waba());
        assertThat(count(database, "SELECT count(*) FROM templates WHERE waba_id = ? AND quality = 'RED'"
                + " AND meta_template_id = ANY(?)", tenant.waba(), acknowledged))
                .as("every acknowledged template RED").isEqualTo(acknowledged.size());
        assertThat(red).isLessThanOrEqualTo(acknowledged.size() + unanswered.size());
        assertThat(count(database, "SELECT count(*) FROM template_history h JOIN whatsapp_accounts w"
                + " ON w.organization_id = h.organization_id WHERE w.waba_id = ? AND h.kind = 'QUALITY'",
                tenant.waba())).as("each quality change applied once").isEqualTo(red);
        assertThat(count(database, "SELECT count(*) FROM templates WHERE waba_id = ? AND meta_template_id = ANY(?)",
                tenant.waba(), refused)).as("templates of deliveries answered 503").isZero();
        long alerts = count(database, "SELECT count(*) FROM alerts a JOIN whatsapp_accounts w"
                + " ON w.organization_id = a.organization_id WHERE w.waba_id = ?", tenant.waba());
        assertThat(alerts).as("one quality alert per template turned RED").isEqualTo(red);
        assertThat((long) slack.getAllServeEvents().size()).as("notices Slack received, at least once each")
                .isGreaterThanOrEqualTo(alerts).isGreaterThanOrEqualTo(sentBeforeStop);

        // A stop with nothing left to do is as quiet.
        warden.destroy();
        assertThat(warden.waitFor(60, TimeUnit.SECONDS)).as("the restarted process stopped").isTrue();
        assertThat(linesFrom(secondLog, "Warden is stopping")).isNotEmpty()
                .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("\tat "));
    }

    private Process startWarden(int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The log as in production (INFO), not the tests' (WARN): the stop's own lines are checked.
                "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--micronaut.server.port=" + port,
                // Its own embedded database: no datasources.default.url.
                "--warden.data-dir=" + dataDir,
                "--warden.meta.app-secret=" + MetaWebhooks.APP_SECRET,
                "--warden.admin.username=" + TestPostgres.ROOT_USERNAME,
                "--warden.admin.password=" + TestPostgres.ROOT_PASSWORD,
                "--warden.notify.allow-plain-http-slack=true",
                "--warden.reconcile.enabled=false",
                "--warden.quality.snapshot.enabled=false",
                // One dispatcher sending ten at a time, each try bounded by 2 s: its claims expire after 6 s.
                "--warden.notify.workers.threads=1", "--warden.notify.batch-size=10",
                "--warden.notify.workers.concurrency=10", "--warden.notify.timeout=2s",
                "--warden.notify.claim-timeout=6s"));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The child decides on its own database: a URL in the environment would win over the embedded one.
        builder.environment().keySet().removeIf(name -> name.startsWith("DATASOURCES_"));
        return builder.start();
    }

    private void awaitServing(ApiClient client, Path log) {
        await(() -> client.get("/health", null).status() == 200, "the process serves", log);
    }

    private void await(BooleanSupplier condition, String what, Path log) {
        Instant deadline = Instant.now().plusSeconds(120);
        while (!condition.getAsBoolean()) {
            assertThat(warden.isAlive()).as("the Warden process is running (its output is in " + log + ")").isTrue();
            assertThat(Instant.now()).as(what + " (the process's output is in " + log + ")").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> linesFrom(Path log, String marker) throws IOException {
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return lines.subList(i, lines.size());
            }
        }
        return List.of();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int databasePort(Path log) throws IOException {
        Matcher port = DATABASE_PORT.matcher(Files.readString(log));
        assertThat(port.find()).as("the log names the embedded database's port").isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static String approvedThenRed(String waba, String metaTemplateId) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"%1$s","time":2000,"changes":[
                {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":%2$s,
                 "message_template_name":"order_update","message_template_language":"en-US","reason":"NONE"}},
                {"field":"message_template_quality_update","value":{"previous_quality_score":"GREEN",
                 "new_quality_score":"RED","message_template_id":%2$s,"message_template_name":"order_update",
                 "message_template_language":"en-US"}}]}]}""".formatted(waba, metaTemplateId);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(int databasePort, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort
                + "/postgres", "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof Set<?> values) {
                    query.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
                } else {
                    query.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
