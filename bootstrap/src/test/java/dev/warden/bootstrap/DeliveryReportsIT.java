package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.warden.bootstrap.ReconciliationIT.items;
import static dev.warden.bootstrap.TransactionalSendIT.accepted;
import static dev.warden.bootstrap.TransactionalSendIT.messages;
import static dev.warden.bootstrap.TransactionalSendIT.phoneNumberId;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Meta's status webhooks on sent messages, signed and posted to the running app (WireMock stands in for
 * Meta's send API): delivery, read and pricing are kept on the send and never move back; a failure
 * reported after Meta accepted the send teaches what a refused call would (131050 opts the contact out);
 * the stats count both; a phone number and a business-scoped user id seen together are one contact.
 */
@MicronautTest(transactional = false)
class DeliveryReportsIT extends SendingApiTest {

    private static final Map<String, String> OFFER = Map.of("1", "Ana", "2", "two for one");

    /** Sends one event whose call Meta accepts under {@code wamid}; returns the notification id once SENT. */
    private static String sent(SendingTenant tenant, String number, String type, String to,
                               Map<String, String> params, String wamid) {
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(to.substring(1))))
                .willReturn(aResponse().withStatus(200).withBody(accepted(wamid))));
        Reply queued = tenant.event(type, "k-" + UUID.randomUUID(), to, params);
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String id = queued.text("id");
        Eventually.holds(() -> assertThat(tenant.notification(id)).containsEntry("status", "SENT")
                .containsEntry("providerMessageId", wamid));
        return id;
    }

    private static String statuses(SendingTenant tenant, String number, String statuses) {
        return MetaWebhooks.envelope(tenant.waba, Instant.now().getEpochSecond(), "messages", """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                 "statuses":[%s]}""".formatted(number, statuses));
    }

    private static String status(String wamid, String status, long time, String recipient, String extra) {
        return """
                {"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s}""".formatted(wamid, status, time,
                recipient, extra);
    }

    private static String pricing(String category, String type) {
        return ",\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"category\":\"%s\",\"type\":\"%s\"}"
                .formatted(category, type);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> delivery(SendingTenant tenant, String id) {
        return (Map<String, Object>) tenant.notification(id).get("delivery");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> groups(SendingTenant tenant) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Reply stats = api.get("/api/v1/notifications/stats?from=" + today.minusDays(1) + "&to=" + today.plusDays(1),
                tenant.viewer);
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        return (List<Map<String, Object>>) stats.body().get("groups");
    }

    /** The counts of a group, whatever number type JSON gave them. */
    private static Map<String, Long> counts(Map<String, Object> group) {
        Map<String, Long> counts = new HashMap<>();
        group.forEach((key, value) -> {
            if (value instanceof Number n) {
                counts.put(key, n.longValue());
            }
        });
        return counts;
    }

    @Test
    void a_status_that_overtakes_the_record_of_its_send_is_kept_once_the_send_is() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("ORDER_SHIPPED", tenant.template("order_out", "UTILITY", "Order {{1}} is on its way."), "META",
                number);
        String wamid = "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
        // Meta answers slowly; its status webhooks for the message arrive while the call is still open.
        GraphApi.server().stubFor(post(urlEqualTo(messages(number))).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo("919810040101")))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000).withBody(accepted(wamid))));
        Reply queued = tenant.event("ORDER_SHIPPED", "k-" + UUID.randomUUID(), "+919810040101", Map.of("1", "8"));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        String id = queued.text("id");
        Eventually.holds(() -> assertThat(tenant.notification(id)).as("claimed, the call open for 3 s")
                .containsEntry("status", "SENDING"));
        long at = Instant.now().getEpochSecond();

        tenant.deliver(statuses(tenant, number, String.join(",",
                status(wamid, "sent", at, "919810040101", pricing("utility", "regular")),
                status(wamid, "delivered", at + 1, "919810040101", pricing("utility", "regular")))));

        Eventually.holds(() -> assertThat(tenant.notification(id)).containsEntry("status", "SENT"));
        Eventually.holds(() -> assertThat(delivery(tenant, id)).isNotNull()
                .containsEntry("state", "DELIVERED")
                .containsEntry("pricing", Map.of("model", "PMP", "category", "utility", "type", "regular",
                        "billable", true)));
    }

    @Test
    void status_webhooks_record_delivery_and_pricing_which_never_move_back_and_stats_count_them() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("ORDER_CREATED", tenant.template("order_in", "UTILITY", "Order {{1}} is in."), "META", number);
        String wamid = "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
        String id = sent(tenant, number, "ORDER_CREATED", "+919810040001", Map.of("1", "7"), wamid);
        long at = Instant.now().getEpochSecond();

        tenant.deliver(statuses(tenant, number, String.join(",",
                status(wamid, "sent", at, "919810040001", pricing("utility", "regular")),
                status(wamid, "delivered", at + 2, "919810040001", pricing("utility", "regular")),
                status("wamid.of-a-message-warden-never-sent", "delivered", at, "919810040009", ""))));
        tenant.deliver(statuses(tenant, number, status(wamid, "read", at + 9, "919810040001",
                pricing("utility", "regular"))));
        // Meta's retries: an older delivered and sent, after the read.
        tenant.deliver(statuses(tenant, number, String.join(",",
                status(wamid, "delivered", at + 5, "919810040001", ""),
                status(wamid, "sent", at + 1, "919810040001", pricing("utility", "regular")))));

        Eventually.holds(() -> assertThat(delivery(tenant, id)).isNotNull()
                .containsEntry("state", "READ")
                .containsEntry("deliveredAt", Instant.ofEpochSecond(at + 2).toString())
                .containsEntry("readAt", Instant.ofEpochSecond(at + 9).toString())
                .containsEntry("pricing", Map.of("model", "PMP", "category", "utility", "type", "regular",
                        "billable", true)));
        assertThat(tenant.notification(id)).containsEntry("status", "SENT");

        assertThat(groups(tenant)).singleElement().satisfies(group -> {
            assertThat(group).containsEntry("template", "order_in").containsEntry("provider", "META")
                    .containsEntry("category", "utility");
            assertThat(counts(group)).containsEntry("sent", 1L).containsEntry("delivered", 1L)
                    .containsEntry("read", 1L).containsEntry("failed", 0L).containsEntry("undelivered", 0L);
        });
        SendingTenant other = new SendingTenant(api, root);
        assertThat(groups(other)).as("another organisation's sends").isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> sends = (Map<String, Object>) api.get("/api/v1/templates/quality-summary",
                tenant.viewer).body().get("sends");
        assertThat(counts(sends)).as("the quality summary's send totals").containsEntry("sent", 1L)
                .containsEntry("failed", 0L).containsEntry("delivered", 1L).containsEntry("read", 1L);
    }

    @Test
    void a_132015_reported_by_webhook_while_meta_has_the_template_approved_is_pacing_that_holds_the_waba() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String offer = tenant.template("weekly_offer", "MARKETING", "Hi {{1}}, this week: {{2}}.");
        tenant.map("WEEKLY_OFFER", offer, "META", number);
        Reply created = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "Offers", "templateId", offer));
        String campaign = created.text("id");
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/start", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        String metaId = api.get("/api/v1/templates/" + offer, tenant.viewer).text("metaTemplateId");
        GraphApi.server().stubFor(WireMock.get(urlPathEqualTo(GraphApi.VERSION + "/" + metaId)).willReturn(GraphApi.ok(
                GraphApi.template(metaId, "weekly_offer", "APPROVED", "MARKETING", "GREEN"))));
        String wamid = "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
        sent(tenant, number, "WEEKLY_OFFER", "+919810040003", OFFER, wamid);

        // Meta held the accepted message for pacing, then dropped it: no template webhook comes.
        tenant.deliver(statuses(tenant, number, status(wamid, "failed", Instant.now().getEpochSecond(),
                "919810040003", """
                ,"errors":[{"code":132015,"title":"Cannot send message as the template is paused"}]""")));

        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts?type=PORTFOLIO_PACING", tenant.viewer)))
                .singleElement().satisfies(alert -> assertThat(alert).containsEntry("state", "OPEN")));
        assertThat(api.get("/api/v1/campaigns/" + campaign, tenant.viewer).body()).containsEntry("status", "PAUSED");
        assertThat(api.get("/api/v1/templates/" + offer, tenant.viewer).text("status")).isEqualTo("APPROVED");
    }

    @Test
    void a_131050_reported_by_webhook_opts_the_contact_out_and_the_send_shows_the_failure() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("WEEKLY_OFFER", tenant.template("weekly_offer", "MARKETING", "Hi {{1}}, this week: {{2}}."),
                "META", number);
        String wamid = "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
        String id = sent(tenant, number, "WEEKLY_OFFER", "+919810040002", OFFER, wamid);

        tenant.deliver(statuses(tenant, number, status(wamid, "failed", Instant.now().getEpochSecond(),
                "919810040002", """
                ,"errors":[{"code":131050,"title":"Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business",
                  "error_data":{"details":"Recipient opted out"}}]""")));

        Eventually.holds(() -> assertThat(delivery(tenant, id)).isNotNull().containsEntry("state", "FAILED")
                .extractingByKey("error").asString().startsWith("MARKETING_OPT_OUT (recipient): (#131050)"));
        Reply refused = tenant.event("WEEKLY_OFFER", "after-" + UUID.randomUUID(), "+919810040002", OFFER);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("opted out of marketing");
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number))));
        assertThat(groups(tenant)).singleElement().satisfies(group -> {
            assertThat(group).containsEntry("template", "weekly_offer");
            assertThat(counts(group)).containsEntry("sent", 1L).containsEntry("undelivered", 1L)
                    .containsEntry("delivered", 0L);
        });
    }

    @Test
    void a_contact_seen_by_number_and_user_id_is_found_by_either() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        tenant.map("WEEKLY_OFFER", tenant.template("weekly_offer", "MARKETING", "Hi {{1}}, this week: {{2}}."),
                "META", number);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.bsuid-text"))));
        String userId = "US.1349120865530" + (System.nanoTime() % 10_000_000);
        Map<String, Object> text = Map.of("wabaId", tenant.waba, "phoneNumberId", number, "to", userId,
                "text", "Your table is ready");
        assertThat(api.post("/api/v1/messages/text", tenant.admin, text).status())
                .as("no window known for the user id yet").isEqualTo(409);

        long now = Instant.now().getEpochSecond();
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, now, "messages", """
                {"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"%s"},
                 "contacts":[{"profile":{"name":"Kerry"},"wa_id":"16505550301","user_id":"%s"}],
                 "messages":[{"from":"16505550301","from_user_id":"%s","id":"wamid.in","timestamp":"%d","type":"text",
                   "text":{"body":"hi"}}]}""".formatted(number, userId, userId, now - 60)));

        Reply[] open = new Reply[1];
        Eventually.holds(() -> {
            open[0] = api.post("/api/v1/messages/text", tenant.admin, text);
            assertThat(open[0].status()).as(open[0].toString()).isEqualTo(202);
        });
        Eventually.holds(() -> assertThat(tenant.notification(open[0].text("id"))).containsEntry("status", "SENT"));
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(messages(number)))
                .withRequestBody(matchingJsonPath("$.recipient", equalTo(userId))));

        // A stop said under the number holds for the user id.
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, now, "user_preferences", """
                {"messaging_product":"whatsapp","metadata":{"phone_number_id":"%s"},
                 "user_preferences":[{"wa_id":"16505550301","category":"marketing_messages","value":"stop",
                   "timestamp":%d}]}""".formatted(number, now)));
        Eventually.holds(() -> {
            Reply refused = tenant.event("WEEKLY_OFFER", "s-" + UUID.randomUUID(), userId, OFFER);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.text("detail")).contains("opted out of marketing");
        });
    }

    @Test
    void the_stats_period_is_bounded_and_checked() {
        SendingTenant tenant = new SendingTenant(api, root);
        assertThat(api.get("/api/v1/notifications/stats", tenant.viewer).body())
                .containsKeys("from", "to", "groups");
        for (String query : List.of("from=2026-12-02&to=2026-12-01", "from=2026-01-01&to=2026-12-01",
                "from=yesterday", "to=2026-13-01")) {
            Reply bad = api.get("/api/v1/notifications/stats?" + query, tenant.viewer);
            assertThat(bad.status()).as(query + ": " + bad).isEqualTo(400);
        }
        assertThat(api.get("/api/v1/notifications/stats", null).status()).isEqualTo(401);
    }
}
