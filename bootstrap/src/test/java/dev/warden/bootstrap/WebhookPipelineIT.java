package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.warden.application.port.out.UnitOfWork;
import dev.warden.bootstrap.ApiClient.Reply;
import dev.warden.domain.shared.OrganizationId;
import dev.warden.domain.window.ConversationKey;
import dev.warden.domain.window.CustomerServiceWindowRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhooks end to end: signed POSTs over HTTP, stored, split, processed by the inbox
 * workers on PostgreSQL, and seen through the API. Payloads follow meta-platform.md.
 */
@MicronautTest(transactional = false)
class WebhookPipelineIT extends ApiTest {

    @Inject
    CustomerServiceWindowRepository windows;

    @Inject
    UnitOfWork unitOfWork;

    private String organizationWithWaba(String wabaId) {
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Org of " + wabaId)).text("id");
        assertThat(api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root,
                Map.of("wabaId", wabaId, "name", "Main")).status()).isEqualTo(201);
        return org;
    }

    private Reply deliver(String body) {
        byte[] raw = bytes(body);
        return api.postWebhook(raw, sign(raw));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(Reply reply) {
        return (List<Map<String, Object>>) reply.body().get("items");
    }

    private Map<String, Object> templateOf(String org, String metaTemplateId) {
        List<Map<String, Object>> found = items(api.get("/api/v1/templates?organizationId=" + org + "&metaTemplateId="
                + metaTemplateId, root));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<Map<String, Object>> history(String templateId) {
        return items(api.get("/api/v1/templates/" + templateId + "/status-history?size=100", root));
    }

    @Test
    void the_handshake_echoes_the_challenge_only_for_the_right_token() {
        HttpResponse<String> ok = http.toBlocking().exchange(HttpRequest.GET("/webhooks/meta?hub.mode=subscribe"
                + "&hub.verify_token=" + MetaWebhooks.VERIFY_TOKEN + "&hub.challenge=1158201444"), String.class);

        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(getStatus("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")).isEqualTo(403);
        assertThat(getStatus("/webhooks/meta?hub.mode=subscribe&hub.verify_token=&hub.challenge=1")).isEqualTo(403);
        assertThat(getStatus("/webhooks/meta?hub.mode=unsubscribe&hub.verify_token=" + MetaWebhooks.VERIFY_TOKEN
                + "&hub.challenge=1")).isEqualTo(403);
        assertThat(getStatus("/webhooks/meta?hub.mode=subscribe&hub.verify_token=" + MetaWebhooks.VERIFY_TOKEN))
                .isEqualTo(400);
        // Refusals are problems like every other error (PublicApiFuzzIT found them bare).
        assertThat(api.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", null)
                .contentType()).isEqualTo("application/problem+json");
        assertThat(api.get("/webhooks/meta?hub.mode=subscribe&hub.verify_token=" + MetaWebhooks.VERIFY_TOKEN, null)
                .text("detail")).isEqualTo("hub.challenge is missing");
    }

    private int getStatus(String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path), String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }

    @Test
    void a_delivery_needs_a_signature_over_its_exact_bytes() {
        String waba = MetaWebhooks.randomWaba();
        // Meta signs the escaped-unicode form: the same JSON re-serialised with "äöå" must not verify.
        String escaped = status(waba, 1_731_925_200L, "1689556908129832", "APPROVED")
                .replace("order_update", "order_update\\u00e4\\u00f6\\u00e5");
        byte[] raw = bytes(escaped);
        byte[] reserialised = escaped.replace("\\u00e4\\u00f6\\u00e5", "äöå").getBytes(StandardCharsets.UTF_8);

        assertThat(api.postWebhook(raw, null).status()).isEqualTo(401);
        assertThat(api.postWebhook(raw, "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
        assertThat(api.postWebhook(raw, sign("another-app", raw)).status()).isEqualTo(401);
        assertThat(api.postWebhook(reserialised, sign(raw)).status()).isEqualTo(401);
        assertThat(api.postWebhook(raw, sign(raw)).status()).isEqualTo(200);
        assertThat(api.postWebhook(raw, sign(MetaWebhooks.OLD_APP_SECRET, raw)).status())
                .as("a secret being rotated out still verifies").isEqualTo(200);
        assertThat(api.postWebhook(raw, sign(raw).toUpperCase().replace("SHA256=", "sha256=")).status())
                .as("hex case does not matter").isEqualTo(200);
    }

    @Test
    void a_signed_body_that_is_not_json_is_kept_and_refused_with_400() {
        Reply reply = deliver("{\"object\":\"whatsapp_business_account\",\"entry\":[");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.text("detail")).contains("kept for inspection");
    }

    @Test
    void a_body_over_the_limit_is_413() {
        byte[] huge = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        assertThat(api.postWebhook(huge, sign(huge)).status()).isEqualTo(413);
    }

    @Test
    void a_large_batch_is_checked_stored_and_answered_like_a_small_one() {
        String waba = MetaWebhooks.randomWaba();
        String org = organizationWithWaba(waba);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 800; i++) {
            entries.append(i == 0 ? "" : ",").append("""
                    {"id":"%s","time":%d,"changes":[{"field":"message_template_status_update","value":{"event":"APPROVED",
                     "message_template_id":%d,"message_template_name":"order_%d","message_template_language":"en_US",
                     "reason":"NONE"}}]}""".formatted(waba, 1_731_925_200L + i, 7000 + i, i));
        }
        byte[] large = bytes("{\"object\":\"whatsapp_business_account\",\"entry\":[" + entries + "]}");
        byte[] cut = java.util.Arrays.copyOf(large, large.length - 2);
        assertThat(large.length).as("beyond what is split on the event loop (16 KB)").isGreaterThan(64 * 1024);

        assertThat(api.postWebhook(large, sign(cut)).status()).isEqualTo(401);
        assertThat(api.postWebhook(cut, sign(cut)).status()).as("not JSON: kept and refused").isEqualTo(400);
        Reply stored = api.postWebhook(large, sign(large));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body()).containsKey("received");

        Eventually.holds(() -> {
            assertThat(templateOf(org, "7000")).containsEntry("status", "APPROVED");
            assertThat(templateOf(org, "7799")).containsEntry("status", "APPROVED");
        });
    }

    @Test
    void status_quality_category_and_content_changes_reach_the_template() {
        String waba = MetaWebhooks.randomWaba();
        String org = organizationWithWaba(waba);
        String id = "9007199254740993123";

        assertThat(deliver(status(waba, 1000, id, "APPROVED")).status()).isEqualTo(200);
        deliver(envelope(waba, 1001, "message_template_quality_update", """
                {"previous_quality_score":"GREEN","new_quality_score":"RED","message_template_id":%s,
                 "message_template_name":"order_update","message_template_language":"en-US"}""".formatted(id)));
        deliver(envelope(waba, 1002, "template_category_update", """
                {"message_template_id":%s,"message_template_name":"order_update","message_template_language":"en-US",
                 "correct_category":"MARKETING","new_category":"UTILITY","category_update_timestamp":87400}""".formatted(id)));
        deliver(envelope(waba, 1003, "message_template_components_update", """
                {"message_template_id":%s,"message_template_name":"order_update","message_template_language":"en-US",
                 "message_template_element":"Hi {{1}}, your order ships today."}""".formatted(id)));

        Eventually.holds(() -> {
            Map<String, Object> template = templateOf(org, id);
            assertThat(template).containsEntry("metaTemplateId", id).containsEntry("status", "APPROVED")
                    .containsEntry("quality", "RED").containsEntry("category", "UTILITY")
                    .containsEntry("sendable", true).containsEntry("currentVersion", 1)
                    .containsEntry("language", "en_US").containsEntry("name", "order_update");
            assertThat(template.get("pendingCategory")).isEqualTo(Map.of("category", "MARKETING",
                    "effectiveAt", "1970-01-02T00:16:40Z"));
        });
        Map<String, Object> template = templateOf(org, id);
        // Workers may apply changes of different kinds in any order; each kind is judged on its own.
        assertThat(history(template.get("id").toString())).extracting(e -> e.get("kind"))
                .containsExactlyInAnyOrder("CONTENT", "CATEGORY", "QUALITY", "STATUS");
        assertThat(items(api.get("/api/v1/alerts?organizationId=" + org + "&severity=CRITICAL", root)))
                .singleElement().satisfies(alert -> {
                    assertThat(alert).containsEntry("type", "QUALITY_DEGRADED").containsEntry("state", "OPEN")
                            .containsEntry("templateId", template.get("id")).containsEntry("count", 1);
                });
    }

    @Test
    void an_unknown_event_is_history_and_never_a_status() {
        String waba = MetaWebhooks.randomWaba();
        String org = organizationWithWaba(waba);
        deliver(status(waba, 1000, "\"424242\"", "APPROVED"));
        deliver(status(waba, 1001, "424242", "SUSPENDED_FOR_REVIEW"));

        Eventually.holds(() -> assertThat(history(templateOf(org, "424242").get("id").toString()))
                .extracting(e -> e.get("kind")).containsExactlyInAnyOrder("UNRECOGNISED", "STATUS"));
        assertThat(templateOf(org, "424242")).containsEntry("status", "APPROVED");
    }

    @Test
    void ten_redeliveries_have_one_effect_and_an_older_change_after_a_newer_one_is_stale() {
        String waba = MetaWebhooks.randomWaba();
        String org = organizationWithWaba(waba);
        String paused = status(waba, 2000, "777", "PAUSED");
        for (int i = 0; i < 10; i++) {
            assertThat(deliver(paused).status()).isEqualTo(200);
        }
        // The same change again, inside a batch with another template's change.
        deliver(paused.replace("\"changes\":[", "\"changes\":[{\"field\":\"message_template_status_update\","
                + "\"value\":{\"event\":\"APPROVED\",\"message_template_id\":778}},"));
        Eventually.holds(() -> {
            assertThat(templateOf(org, "778")).containsEntry("status", "APPROVED");
            assertThat(templateOf(org, "777")).containsEntry("status", "PAUSED");
        });
        deliver(status(waba, 1000, "777", "APPROVED"));

        Eventually.holds(() -> assertThat(history(templateOf(org, "777").get("id").toString()))
                .extracting(e -> e.get("current"), e -> e.get("stale"))
                .containsExactly(tuple("APPROVED", true),
                        tuple("PAUSED", false)));
        assertThat(templateOf(org, "777")).containsEntry("status", "PAUSED").containsEntry("pauseCount", 1);
        assertThat(items(api.get("/api/v1/alerts?organizationId=" + org, root))).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("type", "TEMPLATE_PAUSED").containsEntry("count", 1));
    }

    @Test
    void a_batch_with_a_malformed_change_processes_the_others() {
        String waba = MetaWebhooks.randomWaba();
        String otherWaba = MetaWebhooks.randomWaba();
        String org = organizationWithWaba(waba);
        String otherOrg = organizationWithWaba(otherWaba);
        String batch = """
                {"object":"whatsapp_business_account","entry":[
                 {"id":"%s","time":3000,"changes":[
                   {"field":"message_template_status_update","value":{"event":"APPROVED"}},
                   {"field":"message_template_status_update","value":{"event":"REJECTED","message_template_id":"901",
                     "reason":"INVALID_FORMAT","rejection_info":{"reason":"x","recommendation":"Add text between variables"}}},
                   {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}}]},
                 {"id":"%s","time":3001,"changes":[
                   {"field":"message_template_quality_update","value":{"new_quality_score":"YELLOW","message_template_id":902}}]}]}"""
                .formatted(waba, otherWaba);

        assertThat(deliver(batch).status()).isEqualTo(200);

        Eventually.holds(() -> {
            assertThat(templateOf(org, "901")).containsEntry("status", "REJECTED")
                    .containsEntry("rejectionReason", "INVALID_FORMAT")
                    .containsEntry("rejectionRecommendation", "Add text between variables");
            assertThat(templateOf(otherOrg, "902")).containsEntry("quality", "YELLOW").containsEntry("status", "UNKNOWN");
        });
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/webhooks/dead-letters?size=100", root)))
                .anySatisfy(dead -> assertThat(dead.get("lastError").toString()).contains("message_template_id")));

        // Replayed, the WABA has no dead letter left: its alert resolves; dead again, a new one is raised.
        String deadLetter = items(api.get("/api/v1/webhooks/dead-letters?size=100", root)).stream()
                .filter(dead -> waba.equals(dead.get("wabaId"))).findFirst().orElseThrow().get("id").toString();
        String alerts = "/api/v1/alerts?organizationId=" + org + "&type=WEBHOOK_DEAD_LETTER";
        String first = items(api.get(alerts, root)).stream().findFirst().orElseThrow().get("id").toString();
        assertThat(api.post("/api/v1/webhooks/dead-letters/" + deadLetter + "/replay", root, Map.of()).status())
                .isBetween(200, 204);
        Eventually.holds(() -> assertThat(items(api.get(alerts, root)))
                .anySatisfy(alert -> assertThat(alert).containsEntry("id", first).containsEntry("state", "RESOLVED"))
                .anySatisfy(alert -> assertThat(alert).containsEntry("state", "OPEN")));
    }

    @Test
    void a_customer_message_opens_the_service_window_and_a_131047_failure_closes_it() {
        String waba = MetaWebhooks.randomWaba();
        OrganizationId org = OrganizationId.parse(organizationWithWaba(waba));
        long now = java.time.Instant.now().getEpochSecond();
        deliver("""
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550001111","phone_number_id":"106540352242922"},
                 "messages":[{"from":"16505551234","id":"wamid.a","timestamp":"%d","type":"text","text":{"body":"hi"}}]}}]}]}"""
                .formatted(waba, now - 60));
        ConversationKey key = new ConversationKey(org, "106540352242922", "16505551234");

        Eventually.holds(() -> assertThat(unitOfWork.inTransaction(() -> windows.find(key))).get()
                .satisfies(window -> assertThat(window.isOpenAt(java.time.Instant.now())).isTrue()));

        deliver("""
                {"object":"whatsapp_business_account","entry":[{"id":"%s","changes":[{"field":"messages","value":{
                 "messaging_product":"whatsapp","metadata":{"phone_number_id":"106540352242922"},
                 "statuses":[{"id":"wamid.b","status":"failed","timestamp":"%d","recipient_id":"16505551234",
                   "errors":[{"code":131047,"title":"Re-engagement message"}]}]}}]}]}""".formatted(waba, now));

        Eventually.holds(() -> assertThat(unitOfWork.inTransaction(() -> windows.find(key))).get()
                .satisfies(window -> assertThat(window.isOpenAt(java.time.Instant.now())).isFalse()));
    }

    @Test
    void a_change_for_an_unknown_waba_is_kept_alerted_and_processed_once_the_waba_is_registered() {
        String waba = MetaWebhooks.randomWaba();
        deliver(status(waba, 4000, "555", "DISABLED"));

        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts?state=OPEN&size=100", root)))
                .anySatisfy(alert -> assertThat(alert).containsEntry("type", "UNROUTABLE_WEBHOOK")
                        .containsEntry("subject", Map.of("kind", "WABA", "key", waba))));

        String org = organizationWithWaba(waba);

        Eventually.holds(() -> assertThat(templateOf(org, "555")).containsEntry("status", "DISABLED"));
        assertThat(items(api.get("/api/v1/alerts?size=100", root)))
                .filteredOn(alert -> Map.of("kind", "WABA", "key", waba).equals(alert.get("subject")))
                .singleElement().satisfies(alert -> assertThat(alert).containsEntry("state", "RESOLVED"));
    }
}
