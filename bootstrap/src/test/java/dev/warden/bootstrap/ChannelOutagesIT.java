package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.bootstrap.ChannelStandIns.graphOk;
import static dev.warden.bootstrap.ChannelStandIns.graphSend;
import static dev.warden.bootstrap.ChannelStandIns.myOperatorOk;
import static dev.warden.bootstrap.ChannelStandIns.myOperatorSend;
import static dev.warden.bootstrap.ChannelStandIns.silent;
import static dev.warden.bootstrap.ChannelStandIns.slackOk;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's outages: Slack, SMTP, MyOperator and Meta's Cloud API each down (5xx, connection refused or
 * reset) and slow (no answer, or headers and then a stalled body, for far longer than
 * {@code warden.notify.timeout}). Each time the alert notices are tried with backoff until their attempts
 * run out and they are DEAD, the channel's own alert is raised once, and when the channel is back the
 * replayed dead letters go out and the alert resolves. Meanwhile signed template webhooks are still
 * acknowledged, each within a patience far shorter than the channel's silence, and applied.
 */
@MicronautTest(transactional = false)
class ChannelOutagesIT extends ApiTest {

    /** The bound on each provider call, low so a slow channel's tries end quickly. */
    private static final Duration NOTIFY_TIMEOUT = Duration.ofSeconds(1);
    /** How long a webhook post may take to be answered while a channel is out. */
    private static final Duration ACK_PATIENCE = Duration.ofSeconds(3);
    private static final int MAX_ATTEMPTS = 3;
    private static final String PHONE_NUMBER_ID = "106540352242977";

    private final WireMockServer slack = ChannelStandIns.standIn();
    private final WireMockServer myOperator = ChannelStandIns.standIn();
    private final java.net.http.HttpClient raw = java.net.http.HttpClient.newBuilder()
            .connectTimeout(ACK_PATIENCE).build();
    private GreenMail smtp;
    private int smtpPort;
    private long nextMetaTemplateId = 961_000_000L + System.nanoTime() % 1_000_000L * 100;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        if (!slack.isRunning()) {
            slack.start();
            myOperator.start();
            smtpPort = freePort();
            smtp = greenMail();
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.smtp.host", "127.0.0.1");
        properties.put("warden.smtp.port", Integer.toString(smtpPort));
        properties.put("warden.smtp.starttls", "false");
        properties.put("warden.notify.allow-plain-http-slack", "true");
        properties.put("warden.myoperator.url", myOperator.baseUrl());
        properties.put("warden.myoperator.api-key", "myop-key-never-logged");
        properties.put("warden.myoperator.company-id", "company-7");
        properties.put("warden.myoperator.phone-number-id", "555000111");
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.alerts.phone-number-id", PHONE_NUMBER_ID);
        properties.put("warden.meta.alerts.template", "warden_alert");
        properties.put("warden.meta.alerts.template-language", "en_US");
        properties.put("warden.reconcile.enabled", "false");
        properties.put("warden.dashboard-url", "https://warden.example.com");
        properties.put("warden.notify.timeout", NOTIFY_TIMEOUT.toMillis() + "ms");
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        for (String channel : List.of("email", "slack", "whatsapp")) {
            properties.put("warden.notify.max-attempts." + channel, Integer.toString(MAX_ATTEMPTS));
        }
        return properties;
    }

    @AfterAll
    void stopServers() {
        slack.stop();
        myOperator.stop();
        smtp.stop();
    }

    // ---- Slack -------------------------------------------------------------------------------------------

    @Test
    void slack_answering_503_is_retried_to_dead_letters_alerted_once_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "961001");
        String path = slackPath(tenant);
        configureSlack(tenant, path);
        outage(tenant, "SLACK", "Slack answered 503",
                () -> slack.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("down"))),
                () -> slack.stubFor(post(urlEqualTo(path)).atPriority(1).willReturn(slackOk())));
    }

    @Test
    void a_silent_slack_is_cut_off_at_the_timeout_retried_to_dead_letters_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "961002");
        String path = slackPath(tenant);
        configureSlack(tenant, path);
        outage(tenant, "SLACK", "Slack unreachable: HttpTimeoutException",
                () -> silent(slack, () -> post(urlEqualTo(path)), ChannelStandIns::slackOk),
                () -> slack.stubFor(post(urlEqualTo(path)).atPriority(1).willReturn(slackOk())));
    }

    // ---- SMTP --------------------------------------------------------------------------------------------

    @Test
    void smtp_refusing_connections_is_retried_to_dead_letters_alerted_once_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "962001");
        configureEmail(tenant);
        outage(tenant, "EMAIL", "SMTP server unreachable", smtp::stop, () -> smtp = greenMail());
    }

    @Test
    void an_smtp_server_that_accepts_and_never_answers_is_cut_off_retried_to_dead_letters_and_recovers()
            throws Exception {
        Tenant tenant = new Tenant(api, root, "962002");
        configureEmail(tenant);
        ChannelStandIns.SilentServer[] silent = new ChannelStandIns.SilentServer[1];
        outage(tenant, "EMAIL", "SMTP", () -> {
            smtp.stop();
            silent[0] = new ChannelStandIns.SilentServer(smtpPort);
        }, () -> {
            silent[0].close();
            smtp = greenMail();
        });
        assertThat(silent[0].accepted()).as("every try reached the silent server")
                .isGreaterThanOrEqualTo(2 * MAX_ATTEMPTS);
    }

    // ---- MyOperator --------------------------------------------------------------------------------------

    @Test
    void myoperator_resetting_connections_is_retried_to_dead_letters_alerted_once_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "963001");
        String number = configureWhatsApp(tenant, "MYOPERATOR", "+9198400");
        MappingBuilder send = myOperatorSend(number);
        outage(tenant, "WHATSAPP", "MyOperator unreachable",
                () -> myOperator.stubFor(send.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
                () -> myOperator.stubFor(myOperatorSend(number).atPriority(1).willReturn(myOperatorOk())));
    }

    @Test
    void a_silent_myoperator_is_cut_off_at_the_timeout_retried_to_dead_letters_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "963002");
        String number = configureWhatsApp(tenant, "MYOPERATOR", "+9198500");
        outage(tenant, "WHATSAPP", "MyOperator unreachable: HttpTimeoutException",
                () -> silent(myOperator, () -> myOperatorSend(number), ChannelStandIns::myOperatorOk),
                () -> myOperator.stubFor(myOperatorSend(number).atPriority(1).willReturn(myOperatorOk())));
    }

    // ---- Meta's Cloud API (Graph) ------------------------------------------------------------------------

    @Test
    void meta_answering_503_is_retried_to_dead_letters_alerted_once_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "964001");
        String number = configureWhatsApp(tenant, "META", "+9198600");
        outage(tenant, "WHATSAPP", "Meta answered HTTP 503",
                () -> GraphApi.server().stubFor(graphSend(PHONE_NUMBER_ID, number).willReturn(aResponse()
                        .withStatus(503).withHeader("Content-Type", "text/html").withBody("<html>Unavailable</html>"))),
                () -> GraphApi.server().stubFor(graphSend(PHONE_NUMBER_ID, number).atPriority(1)
                        .willReturn(graphOk())));
    }

    @Test
    void a_silent_meta_is_cut_off_at_the_timeout_retried_to_dead_letters_and_recovers() throws Exception {
        Tenant tenant = new Tenant(api, root, "964002");
        String number = configureWhatsApp(tenant, "META", "+9198700");
        outage(tenant, "WHATSAPP", "cannot reach Meta's Graph API",
                () -> silent(GraphApi.server(), () -> graphSend(PHONE_NUMBER_ID, number), ChannelStandIns::graphOk),
                () -> GraphApi.server().stubFor(graphSend(PHONE_NUMBER_ID, number).atPriority(1)
                        .willReturn(graphOk())));
    }

    // ---- The outage, the same for every channel ----------------------------------------------------------

    /**
     * Two CRITICAL alerts while the channel is out: both notices are tried {@link #MAX_ATTEMPTS} times and
     * end DEAD with the channel's error, one channel alert is open, and webhooks posted all along were
     * acknowledged and applied. Back up, the replayed dead letters are sent and the channel alert resolves.
     */
    private void outage(Tenant tenant, String channel, String error, Outage begin, Outage end) throws Exception {
        String second = tenant.metaTemplateId.substring(0, 4) + "99";
        tenant.approvedTemplate(second);
        List<String> acknowledged;
        begin.run();
        try {
            quality(tenant, tenant.metaTemplateId);
            quality(tenant, second);
            acknowledged = webhooksUntil(tenant, () -> {
                // An outage is only ever retried: a notice refused for good means the stand-in answered otherwise.
                assertThat(notifications(tenant, channel, "FAILED")).as("notices refused for good").isEmpty();
                return notifications(tenant, channel, "DEAD").size() == 2;
            });
            for (Map<String, Object> dead : notifications(tenant, channel, "DEAD")) {
                List<Map<String, Object>> attempts = attemptLog(dead, tenant);
                assertThat(attempts).extracting(a -> a.get("result"))
                        .containsExactly("RETRYING", "RETRYING", "DEAD");
                assertThat(attempts).allSatisfy(a -> assertThat(a.get("error").toString()).contains(error));
            }
            assertThat(channelAlerts(tenant, "OPEN")).as("the channel's alert, raised once").singleElement()
                    .satisfies(alert -> assertThat(alert.get("subject"))
                            .isEqualTo(Map.of("kind", "CHANNEL", "key", channel)));
            assertThat(health(tenant, channel)).containsEntry("dead", 2).containsEntry("backlog", 0);
            Eventually.holds(() -> assertThat(approved(tenant)).containsAll(acknowledged));
        } finally {
            end.run();
        }

        for (Map<String, Object> dead : notifications(tenant, channel, "DEAD")) {
            ApiClient.Reply replayed = api.post("/api/v1/notifications/" + dead.get("id") + "/replay", root, Map.of());
            assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        }
        Eventually.holds(() -> {
            assertThat(notifications(tenant, channel, "SENT")).hasSize(2);
            assertThat(channelAlerts(tenant, "OPEN")).isEmpty();
            assertThat(channelAlerts(tenant, "RESOLVED")).hasSize(1);
            assertThat(health(tenant, channel)).containsEntry("dead", 0).containsEntry("backlog", 0);
        });
    }

    /** Something done to a channel's stand-in. */
    @FunctionalInterface
    private interface Outage {
        void run() throws Exception;
    }

    /**
     * Posts signed template webhooks, each a new template approved, one after another until {@code done}:
     * every one must be answered 200 within {@link #ACK_PATIENCE}, while the channel keeps its calls
     * waiting far longer. Returns the Meta ids of the templates posted.
     */
    private List<String> webhooksUntil(Tenant tenant, BooleanSupplier done) throws Exception {
        List<String> posted = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(90);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("the notices should be DEAD by now").isBefore(deadline);
            if (posted.size() < 80) {
                String metaTemplateId = Long.toString(nextMetaTemplateId++);
                byte[] body = bytes(MetaWebhooks.status(tenant.waba, Instant.now().getEpochSecond(), metaTemplateId,
                        "APPROVED"));
                URI intake = URI.create(server.getURL() + "/webhooks/meta");
                HttpResponse<Void> answer = raw.send(HttpRequest.newBuilder(intake).timeout(ACK_PATIENCE)
                        .header("Content-Type", "application/json").header("X-Hub-Signature-256", sign(body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).as("webhook acknowledged while the channel is out").isEqualTo(200);
                posted.add(metaTemplateId);
            }
            Thread.sleep(100);
        }
        assertThat(posted).isNotEmpty();
        return posted;
    }

    // ---- The channels' configuration and stand-ins -------------------------------------------------------

    private static String slackPath(Tenant tenant) {
        return "/services/T000/B000/outage-" + tenant.waba;
    }

    private void configureSlack(Tenant tenant, String path) {
        preferences(tenant, "SLACK", Map.of("slack", Map.of("webhookUrl", "http://localhost:" + slack.port() + path)));
    }

    private void configureEmail(Tenant tenant) {
        String recipient = "ops-" + tenant.waba + "@example.com";
        preferences(tenant, "EMAIL", Map.of("email", Map.of("recipients", List.of(recipient))));
    }

    /** WhatsApp through {@code provider} to a number of the tenant's own; returns the number. */
    private String configureWhatsApp(Tenant tenant, String provider, String prefix) {
        String number = prefix + tenant.waba.substring(tenant.waba.length() - 5);
        preferences(tenant, "WHATSAPP", Map.of("whatsapp", Map.of("provider", provider, "numbers", List.of(number))));
        return number;
    }

    /** CRITICAL alerts to the one channel: the channel's own alert (HIGH) is told nowhere, so nothing else calls it. */
    private void preferences(Tenant tenant, String channel, Map<String, Object> destination) {
        Map<String, Object> body = new HashMap<>(destination);
        body.put("routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of(channel))));
        ApiClient.Reply saved = api.put("/api/v1/notification-preferences", tenant.admin, body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }


    private GreenMail greenMail() {
        // Started again on the same port after an outage: the stand-in that held it may still be letting go.
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            try {
                mail.start();
                return mail;
            } catch (IllegalStateException notYet) {
                mail.stop();
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- What Warden shows -------------------------------------------------------------------------------

    private void quality(Tenant tenant, String metaTemplateId) {
        byte[] body = bytes(envelope(tenant.waba, 2000, "message_template_quality_update", """
                {"previous_quality_score":"GREEN","new_quality_score":"RED","message_template_id":%s,
                 "message_template_name":"order_update","message_template_language":"en-US"}"""
                .formatted(metaTemplateId)));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    private List<Map<String, Object>> notifications(Tenant tenant, String channel, String status) {
        return items(api.get("/api/v1/notifications?channel=" + channel + "&status=" + status, tenant.admin));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> attemptLog(Map<String, Object> notification, Tenant tenant) {
        return (List<Map<String, Object>>) api.get("/api/v1/notifications/" + notification.get("id"), tenant.viewer)
                .body().get("attemptLog");
    }

    private List<Map<String, Object>> channelAlerts(Tenant tenant, String state) {
        return items(api.get("/api/v1/alerts?type=NOTIFICATION_CHANNEL_FAILING&state=" + state, tenant.admin));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health(Tenant tenant, String channel) {
        List<Map<String, Object>> channels = (List<Map<String, Object>>) api.get("/api/v1/notifications/health",
                tenant.viewer).body().get("channels");
        return channels.stream().filter(c -> channel.equals(c.get("channel"))).findFirst().orElseThrow();
    }

    /** The Meta ids of the tenant's templates Warden holds as APPROVED. */
    private List<String> approved(Tenant tenant) {
        return items(api.get("/api/v1/templates?wabaId=" + tenant.waba + "&status=APPROVED&size=100", tenant.admin))
                .stream().map(t -> String.valueOf(t.get("metaTemplateId"))).toList();
    }

}
