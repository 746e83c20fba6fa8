package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WhatsApp alerts through Meta's Cloud API end to end: an organisation whose preferences name
 * provider META gets its CRITICAL alert as the alert template from Warden's business number (the
 * Graph stand-in is WireMock); Meta's message id is kept; a rate limit is tried again; a refused
 * token fails for good and raises the channel alert, which the channel's next delivery resolves.
 */
@MicronautTest(transactional = false)
class MetaWhatsAppDeliveryIT extends ApiTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String MESSAGES = GraphApi.VERSION + "/" + PHONE_NUMBER_ID + "/messages";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.alerts.phone-number-id", PHONE_NUMBER_ID);
        properties.put("warden.meta.alerts.template", "warden_alert");
        properties.put("warden.meta.alerts.template-language", "en_US");
        properties.put("warden.reconcile.enabled", "false");
        properties.put("warden.dashboard-url", "https://warden.example.com");
        properties.put("warden.notify.retry.base", "100ms");
        properties.put("warden.notify.retry.cap", "200ms");
        return properties;
    }

    @Test
    void a_red_quality_webhook_reaches_the_number_as_meta_s_alert_template_and_meta_s_message_id_is_kept() {
        Tenant tenant = new Tenant(api, root, "950001");
        String number = "+9198100" + tenant.waba.substring(tenant.waba.length() - 5);
        stub(number, aResponse().withStatus(200).withBody(accepted("wamid.first")));
        configure(tenant, number);

        quality(tenant, "950001", "GREEN", "RED", 2000);

        Eventually.holds(() -> assertThat(items(api.get("/api/v1/notifications?channel=WHATSAPP&status=SENT",
                tenant.viewer))).hasSize(1));
        Map<String, Object> sent = items(api.get("/api/v1/notifications?channel=WHATSAPP", tenant.viewer)).get(0);
        assertThat(sent).containsEntry("providerMessageId", "wamid.first").containsEntry("recipient", number);
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN))
                .withRequestBody(matchingJsonPath("$.to", equalTo(number.substring(1))))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("warden_alert")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en_US")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[0].text",
                        equalTo("CRITICAL: QUALITY_DEGRADED")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[2].text",
                        matching("https://warden\\.example\\.com/alerts/.+"))));
    }

    @Test
    void a_rate_limit_is_tried_again_and_sent_once() {
        Tenant tenant = new Tenant(api, root, "950002");
        String number = "+9198200" + tenant.waba.substring(tenant.waba.length() - 5);
        String scenario = "busy-" + number;
        GraphApi.server().stubFor(messagesTo(number).inScenario(scenario).whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody(error(130429, "Rate limit hit")))
                .willSetStateTo("calm"));
        GraphApi.server().stubFor(messagesTo(number).inScenario(scenario).whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody(accepted("wamid.later"))));
        configure(tenant, number);

        quality(tenant, "950002", "GREEN", "RED", 2000);

        Eventually.holds(() -> assertThat(items(api.get("/api/v1/notifications?channel=WHATSAPP&status=SENT",
                tenant.admin))).hasSize(1));
        String id = items(api.get("/api/v1/notifications?channel=WHATSAPP", tenant.admin)).get(0).get("id").toString();
        Map<String, Object> detail = api.get("/api/v1/notifications/" + id, tenant.viewer).body();
        assertThat(detail).containsEntry("providerMessageId", "wamid.later");
        assertThat(attemptResults(detail)).containsExactly("RETRYING", "SENT");
        GraphApi.server().verify(2, postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", equalTo(number.substring(1)))));
    }

    @Test
    void a_refused_token_fails_for_good_raises_the_channel_alert_and_the_next_delivery_resolves_it() {
        Tenant tenant = new Tenant(api, root, "950003");
        String number = "+9198300" + tenant.waba.substring(tenant.waba.length() - 5);
        stub(number, aResponse().withStatus(401).withBody(error(190, "Error validating access token")));
        configure(tenant, number);

        quality(tenant, "950003", "GREEN", "RED", 2000);

        Eventually.holds(() -> {
            List<Map<String, Object>> failed = items(api.get("/api/v1/notifications?channel=WHATSAPP&status=FAILED",
                    tenant.admin));
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("lastError").toString()).contains("190").doesNotContain(GraphApi.TOKEN);
            assertThat(channelAlerts(tenant, "OPEN")).hasSize(1);
        });
        GraphApi.server().verify(1, postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(matchingJsonPath("$.to", equalTo(number.substring(1)))));

        // The operator replaces the token; a super admin replays the alert.
        stub(number, aResponse().withStatus(200).withBody(accepted("wamid.after-fix")));
        String id = items(api.get("/api/v1/notifications?channel=WHATSAPP", tenant.admin)).get(0).get("id").toString();
        assertThat(api.post("/api/v1/notifications/" + id + "/replay", root, Map.of()).status()).isEqualTo(200);
        assertThat(items(api.get("/api/v1/audit-log?resource=NOTIFICATION:" + id, tenant.admin)))
                .singleElement().satisfies(entry -> {
                    assertThat(entry).containsEntry("action", "NOTIFICATION_REPLAYED");
                    assertThat(map(entry.get("before"))).containsEntry("status", "FAILED");
                    assertThat(map(entry.get("after"))).containsEntry("status", "QUEUED");
                });

        Eventually.holds(() -> {
            assertThat(items(api.get("/api/v1/notifications?channel=WHATSAPP&status=SENT", tenant.admin))).hasSize(1);
            assertThat(channelAlerts(tenant, "OPEN")).isEmpty();
            assertThat(channelAlerts(tenant, "RESOLVED")).hasSize(1)
                    .allSatisfy(alert -> assertThat(alert.get("subject")).isEqualTo(Map.of("kind", "CHANNEL",
                            "key", "WHATSAPP")));
        });
    }

    private List<Map<String, Object>> channelAlerts(Tenant tenant, String state) {
        return items(api.get("/api/v1/alerts?type=NOTIFICATION_CHANNEL_FAILING&state=" + state, tenant.admin));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> attemptResults(Map<String, Object> detail) {
        return ((List<Map<String, Object>>) detail.get("attemptLog")).stream().map(a -> a.get("result")).toList();
    }

    private static MappingBuilder messagesTo(String number) {
        return post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(number.substring(1))));
    }

    private static void stub(String number, ResponseDefinitionBuilder answer) {
        GraphApi.server().stubFor(messagesTo(number).willReturn(answer.withHeader("Content-Type", "application/json")));
    }

    private static String accepted(String wamid) {
        return """
                {"messaging_product":"whatsapp","contacts":[{"input":"x","wa_id":"x"}],
                 "messages":[{"id":"%s","message_status":"accepted"}]}""".formatted(wamid);
    }

    private static String error(int code, String message) {
        return """
                {"error":{"message":"(#%d) %s","type":"OAuthException","code":%d,"fbtrace_id":"AbC"}}"""
                .formatted(code, message, code);
    }

    private void configure(Tenant tenant, String number) {
        Map<String, Object> body = Map.of(
                "routes", List.of(Map.of("severity", "CRITICAL", "channels", List.of("WHATSAPP"))),
                "whatsapp", Map.of("provider", "META", "numbers", List.of(number)));
        ApiClient.Reply saved = api.put("/api/v1/notification-preferences", tenant.admin, body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body().get("whatsapp")).isEqualTo(Map.of("provider", "META", "numbers", List.of(number)));
    }

    private void quality(Tenant tenant, String metaTemplateId, String from, String to, long time) {
        byte[] body = bytes(envelope(tenant.waba, time, "message_template_quality_update", """
                {"previous_quality_score":"%s","new_quality_score":"%s","message_template_id":%s,
                 "message_template_name":"order_update","message_template_language":"en-US"}"""
                .formatted(from, to, metaTemplateId)));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
