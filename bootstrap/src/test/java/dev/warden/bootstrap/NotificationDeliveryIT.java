package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's "done when", end to end on real servers: a RED quality webhook reaches the Slack
 * stand-in (WireMock) and the SMTP server (GreenMail) once per configured recipient, a repeat of the
 * same alert sends nothing more, and with the SMTP server down the e-mail is retried and delivered
 * once when it comes back.
 */
@MicronautTest(transactional = false)
class NotificationDeliveryIT extends ApiTest {

    private static final String SLACK_PATH = "/services/T000/B000/secret";

    private final WireMockServer slack = new WireMockServer(options().dynamicPort());
    private GreenMail smtp;
    private int smtpPort;

    @Override
    public Map<String, String> getProperties() {
        if (!slack.isRunning()) {
            slack.start();
            slack.stubFor(post(urlPathMatching(SLACK_PATH + ".*")).willReturn(aResponse().withStatus(200).withBody("ok")));
            // Port 0: a free port, so this runs beside other builds' mail servers.
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            smtpPort = smtp.getSmtp().getPort();
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.smtp.host", "127.0.0.1");
        properties.put("warden.smtp.port", Integer.toString(smtpPort));
        properties.put("warden.smtp.starttls", "false");
        properties.put("warden.smtp.from", "warden@example.com");
        properties.put("warden.dashboard-url", "https://warden.example.com");
        properties.put("warden.notify.allow-plain-http-slack", "true");
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "400ms");
        properties.put("warden.notify.max-attempts.email", "50");
        return properties;
    }

    @AfterAll
    void stopServers() {
        slack.stop();
        smtp.stop();
    }

    @Test
    void a_red_quality_webhook_reaches_slack_and_each_recipient_once_and_a_repeat_sends_nothing_until_it_escalates()
            throws Exception {
        Tenant tenant = new Tenant(api, root, "930001");
        List<String> recipients = List.of("ops-" + tenant.waba + "@example.com", "cto-" + tenant.waba + "@example.com");
        configure(tenant, recipients);

        quality(tenant, "930001", "GREEN", "RED", 2000);

        Eventually.holds(() -> {
            assertThat(mailsTo(recipients)).hasSize(2);
            slack.verify(1, postRequestedFor(urlEqualTo(slackPath(tenant)))
                    .withRequestBody(matchingJsonPath("$.blocks[0].type", equalTo("header")))
                    .withRequestBody(matchingJsonPath("$.text")));
        });
        assertThat(mailsTo(recipients)).extracting(m -> m.getAllRecipients()[0].toString())
                .containsExactlyInAnyOrderElementsOf(recipients);

        // Meta reports RED again (a fresh delivery), then YELLOW: the alert repeats and eases, quietly.
        quality(tenant, "930001", "GREEN", "RED", 3000);
        quality(tenant, "930001", "RED", "YELLOW", 4000);
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts?severity=MEDIUM", tenant.admin))).hasSize(1));
        // RED once more is worse than YELLOW: an escalation, told again.
        quality(tenant, "930001", "YELLOW", "RED", 5000);

        Eventually.holds(() -> assertThat(items(api.get("/api/v1/notifications?status=SENT", tenant.viewer)))
                .hasSize(6));
        assertThat(items(api.get("/api/v1/notifications", tenant.viewer))).extracting(n -> n.get("title"))
                .containsOnly("CRITICAL: QUALITY_DEGRADED", "Escalated: CRITICAL: QUALITY_DEGRADED")
                .filteredOn(title -> title.toString().startsWith("Escalated")).hasSize(3);
        assertThat(mailsTo(recipients)).as("one more each for the escalation, none for the repeat").hasSize(4);
        slack.verify(2, postRequestedFor(urlEqualTo(slackPath(tenant))));
    }

    @Test
    void with_the_smtp_server_down_the_mail_is_retried_and_delivered_once_when_it_is_back() throws Exception {
        Tenant tenant = new Tenant(api, root, "930002");
        List<String> recipients = List.of("night-" + tenant.waba + "@example.com");
        configure(tenant, recipients);
        smtp.stop();
        try {
            quality(tenant, "930002", "GREEN", "RED", 2000);
            Eventually.holds(() -> {
                List<Map<String, Object>> retrying = items(api.get("/api/v1/notifications?channel=EMAIL&status=RETRYING",
                        tenant.admin));
                assertThat(retrying).hasSize(1);
                assertThat(retrying.get(0).get("lastError").toString()).contains("unreachable");
            });
        } finally {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/notifications?channel=EMAIL&status=SENT",
                tenant.admin))).hasSize(1));
        Map<String, Object> sent = items(api.get("/api/v1/notifications?channel=EMAIL", tenant.admin)).get(0);
        Map<String, Object> detail = api.get("/api/v1/notifications/" + sent.get("id"), tenant.viewer).body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) detail.get("attemptLog");
        assertThat(attempts).hasSizeGreaterThan(1);
        assertThat(attempts.get(0)).containsEntry("result", "RETRYING");
        assertThat(attempts.get(attempts.size() - 1)).containsEntry("result", "SENT");

        List<MimeMessage> mails = mailsTo(recipients);
        assertThat(mails).as("delivered once, nothing twice").hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getMessageID()).isEqualTo("<notification-" + sent.get("id") + "@warden>")
                .isEqualTo(detail.get("providerMessageId"));
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString()).contains("https://warden.example.com/alerts/");
    }

    @Test
    void a_revoked_slack_webhook_fails_for_good_and_the_channel_alert_is_told_by_e_mail_only() throws Exception {
        Tenant tenant = new Tenant(api, root, "930005");
        String broken = "/services/T000/B000/revoked-" + tenant.waba;
        slack.stubFor(post(urlEqualTo(broken)).willReturn(aResponse().withStatus(404).withBody("no_team")));
        List<String> recipients = List.of("revoked-" + tenant.waba + "@example.com");
        Map<String, Object> body = Map.of(
                "routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of("EMAIL", "SLACK")),
                        Map.of("severity", "HIGH", "channels", List.of("EMAIL", "SLACK"))),
                "email", Map.of("recipients", recipients),
                "slack", Map.of("webhookUrl", "http://localhost:" + slack.port() + broken));
        assertThat(api.put("/api/v1/notification-preferences", tenant.admin, body).status()).isEqualTo(200);

        quality(tenant, "930005", "GREEN", "RED", 2000);

        Eventually.holds(() -> {
            List<Map<String, Object>> failed = items(api.get("/api/v1/notifications?channel=SLACK&status=FAILED",
                    tenant.admin));
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("lastError").toString()).contains("404").contains("no_team");
            assertThat(mailsTo(recipients)).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                    "[Warden] CRITICAL: QUALITY_DEGRADED", "[Warden] HIGH: NOTIFICATION_CHANNEL_FAILING");
        });
        slack.verify(1, postRequestedFor(urlEqualTo(broken)));
        String id = items(api.get("/api/v1/notifications?channel=SLACK", tenant.admin)).get(0).get("id").toString();

        assertThat(api.post("/api/v1/notifications/" + id + "/replay", tenant.admin, Map.of()).status())
                .as("only a super admin replays").isEqualTo(403);
        ApiClient.Reply replayed = api.post("/api/v1/notifications/" + id + "/replay", root, Map.of());
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        Eventually.holds(() -> slack.verify(2, postRequestedFor(urlEqualTo(broken))));
    }

    @Test
    void health_shows_each_channel_and_another_organisation_sees_none_of_them() {
        Tenant tenant = new Tenant(api, root, "930003");
        Tenant other = new Tenant(api, root, "930004");
        configure(tenant, List.of("health-" + tenant.waba + "@example.com"));
        quality(tenant, "930003", "GREEN", "RED", 2000);
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/notifications?status=SENT", tenant.admin)))
                .hasSize(2));
        Map<String, Object> one = items(api.get("/api/v1/notifications", tenant.admin)).get(0);

        assertThat(api.get("/api/v1/notifications/" + one.get("id"), other.admin).status()).isEqualTo(404);
        assertThat(items(api.get("/api/v1/notifications", other.admin))).isEmpty();
        assertThat(api.get("/api/v1/notifications?organizationId=" + tenant.org, other.admin).status())
                .isEqualTo(403);
        Map<String, Object> slackOne = items(api.get("/api/v1/notifications?channel=SLACK", tenant.admin)).get(0);
        assertThat(slackOne.get("recipient").toString()).doesNotContain("secret");

        ApiClient.Reply health = api.get("/api/v1/notifications/health", tenant.viewer);
        assertThat(health.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) health.body().get("channels");
        assertThat(channels).extracting(c -> c.get("channel")).containsExactly("EMAIL", "SLACK", "WHATSAPP");
        assertThat(channels.get(0)).containsEntry("backlog", 0).containsEntry("dead", 0);
        assertThat(channels.get(0).get("lastSuccess")).isNotNull();
        assertThat(channels.get(2).get("lastSuccess")).isNull();
    }

    private void configure(Tenant tenant, List<String> recipients) {
        Map<String, Object> body = Map.of(
                "routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of("EMAIL", "SLACK"))),
                "email", Map.of("recipients", recipients),
                "slack", Map.of("webhookUrl", "http://localhost:" + slack.port() + slackPath(tenant)));
        assertThat(api.put("/api/v1/notification-preferences", tenant.admin, body).status()).isEqualTo(200);
    }

    private static String slackPath(Tenant tenant) {
        return SLACK_PATH + "-" + tenant.waba;
    }

    private void quality(Tenant tenant, String metaTemplateId, String from, String to, long time) {
        byte[] body = bytes(envelope(tenant.waba, time, "message_template_quality_update", """
                {"previous_quality_score":"%s","new_quality_score":"%s","message_template_id":%s,
                 "message_template_name":"order_update","message_template_language":"en-US"}"""
                .formatted(from, to, metaTemplateId)));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    private List<MimeMessage> mailsTo(List<String> recipients) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> recipients.contains(a.toString()));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
