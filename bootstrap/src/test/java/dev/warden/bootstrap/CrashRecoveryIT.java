package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7, "loses nothing": a Warden process killed with SIGKILL while its inbox and its outbox hold a
 * backlog leaves no trace a successor must clean up by hand. The successor (another process on the same
 * database) processes every acknowledged change once and sends every alert notice; a notice the killed
 * process was sending when it died goes out again after its claim expires (at least once, ADR 0011), and
 * nothing it had recorded as sent goes out twice.
 */
class CrashRecoveryIT {

    private static final int TEMPLATES = 150;
    private static final String SLACK_PATH = "/services/T000/B000/crash";

    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private Process warden;

    @AfterEach
    void stop() {
        if (warden != null) {
            warden.destroyForcibly();
        }
        slack.stop();
    }

    @Test
    void a_process_killed_with_a_backlog_in_its_inbox_and_outbox_loses_and_doubles_nothing() throws Exception {
        slack.start();
        // Slow enough that the outbox still holds most notices when the process dies.
        slack.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")
                .withFixedDelay(300)));
        int port = freePort();
        warden = startWarden(port);
        ApiClient doomed = new ApiClient(HttpClient.create(new URL("http://localhost:" + port)).toBlocking());
        awaitServing(doomed);
        String root = doomed.login(TestPostgres.ROOT_USERNAME, TestPostgres.ROOT_PASSWORD);
        TestOrganization tenant = TestOrganization.create(doomed, root, "Crash");
        Map<String, Object> preferences = Map.of(
                "routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of("SLACK")),
                        Map.of("severity", "HIGH", "channels", List.of("SLACK")),
                        Map.of("severity", "MEDIUM", "channels", List.of("SLACK"))),
                "slack", Map.of("webhookUrl", "http://localhost:" + slack.port() + SLACK_PATH));
        assertThat(doomed.put("/api/v1/notification-preferences", tenant.admin(), preferences).status())
                .isEqualTo(200);

        for (int i = 0; i < TEMPLATES; i++) {
            byte[] body = bytes(approvedThenRed(tenant.waba(), String.valueOf(8_300_000 + i)));
            assertThat(doomed.postWebhook(body, sign(body)).status()).isEqualTo(200);
        }
        await(() -> !slack.getAllServeEvents().isEmpty(), "the first notice reached Slack");
        warden.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long sendingWhenKilled = count("SELECT count(*) FROM notifications n JOIN whatsapp_accounts w"
                + " ON w.organization_id = n.organization_id WHERE w.waba_id = ? AND n.status = 'SENDING'",
                tenant.waba());
        long sentWhenKilled = count("SELECT count(*) FROM notifications n JOIN whatsapp_accounts w"
                + " ON w.organization_id = n.organization_id WHERE w.waba_id = ? AND n.status = 'SENT'",
                tenant.waba());
        assertThat(sentWhenKilled).as("a backlog when the process died").isLessThan(TEMPLATES);
        slack.resetAll();
        slack.stubFor(post(urlEqualTo(SLACK_PATH)).willReturn(aResponse().withStatus(200).withBody("ok")));

        Map<String, Object> settings = new HashMap<>(TestPostgres.properties());
        settings.put("micronaut.server.port", -1);
        settings.put("warden.notify.allow-plain-http-slack", true);
        settings.put("warden.reconcile.enabled", false);
        try (EmbeddedServer successor = ApplicationContext.run(EmbeddedServer.class, settings)) {
            ApiClient api = new ApiClient(HttpClient.create(successor.getURL()).toBlocking());
            String admin = api.login(tenant.adminName(), TestOrganization.PASSWORD);
            Eventually.holds(() -> {
                assertThat(count("SELECT count(*) FROM webhook_change_states WHERE waba_id = ? AND state <> 'DONE'",
                        tenant.waba())).as("changes not applied").isZero();
                assertThat(count("SELECT count(*) FROM notifications n JOIN whatsapp_accounts w"
                        + " ON w.organization_id = n.organization_id WHERE w.waba_id = ? AND n.status <> 'SENT'",
                        tenant.waba())).as("notices not sent").isZero();
            });

            long alerts = count("SELECT count(*) FROM alerts a JOIN whatsapp_accounts w"
                    + " ON w.organization_id = a.organization_id WHERE w.waba_id = ?", tenant.waba());
            assertThat(alerts).as("one quality alert per template").isEqualTo(TEMPLATES);
            assertThat(count("SELECT count(*) FROM notifications n JOIN whatsapp_accounts w"
                    + " ON w.organization_id = n.organization_id WHERE w.waba_id = ?", tenant.waba()))
                    .as("one notice per alert").isEqualTo(alerts);
            assertThat(count("SELECT count(*) FROM template_history h JOIN whatsapp_accounts w"
                    + " ON w.organization_id = h.organization_id WHERE w.waba_id = ? AND h.kind = 'QUALITY'",
                    tenant.waba())).as("each quality change applied once").isEqualTo(TEMPLATES);
            assertThat(count("SELECT count(*) FROM templates WHERE waba_id = ? AND quality = 'RED'", tenant.waba()))
                    .as("every template RED").isEqualTo(TEMPLATES);
            assertThat(api.get("/api/v1/alerts?state=OPEN&type=QUALITY_DEGRADED&size=1", admin).body().get("total"))
                    .as("what the organisation's admin sees").isEqualTo(TEMPLATES);
            // Sent after the restart: every notice not yet marked sent when it died, in flight ones included
            // (Slack may have had those: delivery is at least once), and none marked sent again.
            long resent = slack.getAllServeEvents().size();
            assertThat(resent).isLessThanOrEqualTo(TEMPLATES - sentWhenKilled)
                    .isGreaterThanOrEqualTo(TEMPLATES - sentWhenKilled - sendingWhenKilled);
            slack.verify((int) resent, postRequestedFor(urlEqualTo(SLACK_PATH)));
        }
    }

    private Process startWarden(int port) throws IOException {
        Map<String, String> db = TestPostgres.properties();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Application.class.getName(),
                "--micronaut.server.port=" + port,
                "--warden.notify.allow-plain-http-slack=true",
                "--warden.reconcile.enabled=false",
                // One dispatcher sending ten at a time, each try bounded by 2 s: its claims expire after 6 s.
                "--warden.notify.workers.threads=1", "--warden.notify.batch-size=10",
                "--warden.notify.workers.concurrency=10", "--warden.notify.timeout=2s",
                "--warden.notify.claim-timeout=6s"));
        db.forEach((key, value) -> command.add("--" + key + "=" + value));
        File log = Path.of("target", "crash-recovery-warden.log").toFile();
        Files.createDirectories(log.toPath().getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private void awaitServing(ApiClient client) {
        await(() -> {
            try {
                return client.get("/health", null).status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        }, "the process serves (its output is in target/crash-recovery-warden.log)");
    }

    private void await(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (!condition.getAsBoolean()) {
            assertThat(warden.isAlive()).as("the Warden process is running").isTrue();
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
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

    private static long count(String sql, String waba) {
        try (Connection connection = TestPostgres.server().getPostgresDatabase().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, waba);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
