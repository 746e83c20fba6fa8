package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.bootstrap.Tenant.items;
import static dev.warden.bootstrap.TransactionalSendIT.accepted;
import static dev.warden.bootstrap.TransactionalSendIT.messages;
import static dev.warden.bootstrap.TransactionalSendIT.phoneNumberId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Fallback templates of event mappings (issue 11 §6), end to end with WireMock standing in for Meta: a
 * mapping names one with the same parameters; while Meta has the mapped template paused (by a signed
 * webhook), events go out with the fallback, each send says so, and one alert tells it until the
 * primary is approved again; with neither sendable the event is refused.
 */
@MicronautTest(transactional = false)
class FallbackTemplateIT extends SendingApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        return properties;
    }

    private Reply map(SendingTenant tenant, String eventType, String template, String number, String fallback) {
        tenant.ownsNumber(number);
        Map<String, Object> body = new HashMap<>(Map.of("eventType", eventType, "templateId", template,
                "provider", "META", "phoneNumberId", number));
        if (fallback != null) {
            body.put("fallbackTemplateId", fallback);
        }
        return api.post("/api/v1/notifications/mappings", tenant.admin, body);
    }

    private void setStatus(SendingTenant tenant, String template, long time, String status) {
        String meta = api.get("/api/v1/templates/" + template, tenant.admin).text("metaTemplateId");
        tenant.deliver(MetaWebhooks.status(tenant.waba, time, meta, status));
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + template, tenant.admin).text("status"))
                .isEqualTo(status));
    }

    @Test
    void a_mapping_names_a_fallback_with_the_same_parameters_and_refuses_one_that_does_not_fit() {
        SendingTenant tenant = new SendingTenant(api, root);
        SendingTenant other = new SendingTenant(api, root);
        String number = phoneNumberId();
        String primary = tenant.template("renewal_due", "UTILITY", "Hi {{1}}, plan {{2}} renews soon.");
        String fallback = tenant.template("renewal_due_plain", "UTILITY", "Plan {{2}} of {{1}} renews soon.");
        String fewer = tenant.template("renewal_short", "UTILITY", "Hi {{1}}, your plan renews soon.");
        String foreign = other.template("renewal_due", "UTILITY", "Hi {{1}}, plan {{2}} renews soon.");

        Reply saved = map(tenant, "SUBSCRIPTION_RENEWING", primary, number, fallback);

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body()).containsEntry("fallbackTemplateId", fallback);
        assertThat(api.get("/api/v1/notifications/mappings/SUBSCRIPTION_RENEWING", tenant.viewer).body())
                .containsEntry("templateId", primary).containsEntry("fallbackTemplateId", fallback);
        assertThat(items(api.get("/api/v1/audit-log?resource=EVENT_MAPPING:SUBSCRIPTION_RENEWING", tenant.admin)))
                .singleElement().satisfies(entry -> assertThat(entry.get("after").toString()).contains(fallback));

        Reply differs = map(tenant, "SUBSCRIPTION_RENEWING", primary, number, fewer);
        assertThat(differs.status()).as(differs.toString()).isEqualTo(400);
        assertThat(differs.text("detail")).contains("fallbackTemplateId").contains("BODY variables [1, 2] vs [1]");
        Reply itself = map(tenant, "SUBSCRIPTION_RENEWING", primary, number, primary);
        assertThat(itself.status()).as(itself.toString()).isEqualTo(400);
        assertThat(itself.text("detail")).contains("fallbackTemplateId");
        assertThat(map(tenant, "SUBSCRIPTION_RENEWING", primary, number, foreign).status()).isEqualTo(404);
        assertThat(map(tenant, "SUBSCRIPTION_RENEWING", primary, number, "not-an-id").status()).isEqualTo(400);
        // Refusals change nothing: the fitting fallback is still the one mapped.
        assertThat(api.get("/api/v1/notifications/mappings/SUBSCRIPTION_RENEWING", tenant.viewer).body())
                .containsEntry("fallbackTemplateId", fallback);
    }

    @Test
    void while_the_primary_is_paused_events_go_out_with_the_fallback_recorded_and_one_alert_says_so() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String primary = tenant.template("order_placed", "UTILITY", "Hi {{1}}, order {{2}} is placed.");
        String fallback = tenant.template("order_placed_basic", "UTILITY", "Order {{2}} placed for {{1}}.");
        assertThat(map(tenant, "ORDER_CREATED", primary, number, fallback).status()).isEqualTo(200);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.fallback"))));
        setStatus(tenant, primary, 2000, "PAUSED");

        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Reply queued = tenant.event("ORDER_CREATED", "order-" + i, "+919810012345", Map.of("1", "Ana", "2", "4" + i));
            assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
            ids.add(queued.text("id"));
        }

        for (String id : ids) {
            Eventually.holds(() -> assertThat(tenant.notification(id)).containsEntry("status", "SENT"));
            Map<String, Object> sent = tenant.notification(id);
            assertThat(sent).containsEntry("title", "Template order_placed_basic");
            assertThat(sent.get("fallbackFrom")).isEqualTo(Map.of("templateId", primary, "name", "order_placed",
                    "language", "en_US", "status", "PAUSED"));
        }
        GraphApi.server().verify(3, postRequestedFor(urlEqualTo(messages(number)))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_placed_basic")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text", equalTo("Ana"))));
        List<Map<String, Object>> alerts = items(api.get("/api/v1/alerts?type=FALLBACK_TEMPLATE_USED&templateId="
                + primary, tenant.viewer));
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert).containsEntry("severity", "MEDIUM")
                .containsEntry("state", "OPEN").containsEntry("count", 1));

        // Meta approves the primary again: the alert is resolved and the next event sends the primary.
        setStatus(tenant, primary, 3000, "APPROVED");
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts?type=FALLBACK_TEMPLATE_USED&templateId="
                + primary, tenant.viewer))).singleElement().satisfies(alert ->
                assertThat(alert).containsEntry("state", "RESOLVED")));
        Reply after = tenant.event("ORDER_CREATED", "order-4", "+919810012345", Map.of("1", "Ana", "2", "44"));
        assertThat(after.status()).isEqualTo(202);
        Map<String, Object> direct = tenant.notification(after.text("id"));
        assertThat(direct).containsEntry("title", "Template order_placed");
        assertThat(direct.get("fallbackFrom")).isNull();
    }

    @Test
    void concurrent_events_falling_back_are_all_queued_and_share_one_alert() throws Exception {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String primary = tenant.template("parcel_out", "UTILITY", "Hi {{1}}, parcel {{2}} is out.");
        String fallback = tenant.template("parcel_out_basic", "UTILITY", "Parcel {{2}} for {{1}} is out.");
        assertThat(map(tenant, "DELIVERY_STARTED", primary, number, fallback).status()).isEqualTo(200);
        GraphApi.server().stubFor(post(urlEqualTo(messages(number)))
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.parcel"))));
        setStatus(tenant, primary, 2000, "PAUSED");

        ExecutorService callers = Executors.newFixedThreadPool(5);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String key = "parcel-" + i;
            replies.add(callers.submit(() -> tenant.event("DELIVERY_STARTED", key, "+919810012347",
                    Map.of("1", "Ana", "2", key))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            statuses.add(reply.get().status());
        }
        callers.shutdown();

        // The alert is written after each send commits, so racing on its one row never refuses a send.
        assertThat(statuses).containsOnly(202).hasSize(5);
        assertThat(items(api.get("/api/v1/alerts?type=FALLBACK_TEMPLATE_USED&templateId=" + primary,
                tenant.viewer))).singleElement().satisfies(alert -> assertThat((Integer) alert.get("count"))
                .isBetween(1, 5));
    }

    @Test
    void with_neither_template_sendable_the_event_is_refused_naming_both_and_nothing_is_queued() {
        SendingTenant tenant = new SendingTenant(api, root);
        String number = phoneNumberId();
        String primary = tenant.template("payment_done", "UTILITY", "We received {{1}}, thank you.");
        String fallback = tenant.template("payment_done_short", "UTILITY", "Received: {{1}}.");
        assertThat(map(tenant, "PAYMENT_RECORDED", primary, number, fallback).status()).isEqualTo(200);
        setStatus(tenant, primary, 2000, "PAUSED");
        setStatus(tenant, fallback, 2000, "PAUSED");

        Reply refused = tenant.event("PAYMENT_RECORDED", "payment-1", "+919810012346", Map.of("1", "INR 500"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains(primary).contains(fallback).contains("PAUSED too");
        assertThat(items(api.get("/api/v1/notifications?channel=WHATSAPP", tenant.admin))).isEmpty();
        assertThat(items(api.get("/api/v1/alerts?type=FALLBACK_TEMPLATE_USED", tenant.viewer))).isEmpty();
        GraphApi.server().verify(0, postRequestedFor(urlEqualTo(messages(number))));
    }
}
