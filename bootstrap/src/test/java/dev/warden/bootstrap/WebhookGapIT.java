package dev.warden.bootstrap;

import static dev.warden.bootstrap.GraphApi.page;
import static dev.warden.bootstrap.GraphApi.template;
import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The webhook-gap detector end to end: a reconciliation that has to apply changes no webhook
 * reported raises one HIGH alert per WABA naming what Meta's {@code subscribed_apps} shows, the
 * WABA's webhook health counts them, and a reconciliation that misses nothing resolves the alert.
 */
@MicronautTest(transactional = false)
class WebhookGapIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.graph.attempts", "1");
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }

    /** An organisation with a registered WABA, an admin and a viewer. */
    final class Tenant {
        final String waba;
        final String org;
        final String admin;
        final String viewer;

        Tenant() {
            TestOrganization created = TestOrganization.create(api, root, "Gap");
            waba = created.waba();
            org = created.org();
            admin = created.admin();
            viewer = created.viewer();
        }

        void webhook(String metaTemplateId, String event) {
            byte[] body = bytes(status(waba, 1000, metaTemplateId, event));
            assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
            Eventually.holds(() -> assertThat(ReconciliationIT.items(api.get("/api/v1/templates?wabaId=" + waba
                    + "&metaTemplateId=" + metaTemplateId, viewer))).singleElement()
                    .satisfies(t -> assertThat(t).containsEntry("status", event)));
        }

        void subscribedApps(String body) {
            GraphApi.stubSubscribedApps(waba, GraphApi.ok(body));
        }

        Map<String, Object> sync() {
            Reply accepted = api.post("/api/v1/whatsapp-accounts/" + waba + "/sync", admin, Map.of());
            assertThat(accepted.status()).isEqualTo(202);
            Map<String, Object>[] job = new Map[1];
            Eventually.holds(() -> {
                job[0] = api.get("/api/v1/sync-jobs/" + accepted.text("id"), viewer).body();
                assertThat(job[0].get("status")).isNotEqualTo("RUNNING");
            });
            return job[0];
        }

        List<Map<String, Object>> gapAlerts() {
            return ReconciliationIT.items(api.get("/api/v1/alerts?type=WEBHOOKS_MISSING", admin));
        }

        Reply health(String token) {
            return api.get("/api/v1/whatsapp-accounts/" + waba + "/webhook-health", token);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> missed(Map<String, Object> health, String field) {
        return ((List<Map<String, Object>>) health.get("missed")).stream()
                .filter(m -> field.equals(m.get("field"))).findFirst().orElseThrow();
    }

    @Test
    void a_missed_pause_raises_one_high_alert_naming_the_unsubscribed_app_and_a_clean_sync_resolves_it() {
        Tenant tenant = new Tenant();
        tenant.webhook("730001", "APPROVED");
        tenant.webhook("730002", "APPROVED");
        tenant.subscribedApps("{\"data\":[]}");
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("730001", "order_update", "PAUSED", "UTILITY", "UNKNOWN"),
                template("730002", "welcome", "APPROVED", "UTILITY", "UNKNOWN")));

        assertThat(tenant.sync()).containsEntry("status", "COMPLETED").containsEntry("changesApplied", 1);

        assertThat(tenant.gapAlerts()).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("severity", "HIGH").containsEntry("state", "OPEN")
                    .containsEntry("subject", Map.of("kind", "WABA", "key", tenant.waba));
            assertThat(alert.get("message").toString())
                    .contains("Template webhooks are not arriving for WABA " + tenant.waba)
                    .contains("message_template_status_update (1)").contains("No app is subscribed");
        });
        Map<String, Object> health = tenant.health(tenant.viewer).body();
        assertThat(health).containsEntry("wabaId", tenant.waba).containsEntry("alertOpen", true);
        assertThat(health.get("lastWebhookReceivedAt")).isNotNull();
        assertThat(missed(health, "STATUS")).containsEntry("count", 1)
                .containsEntry("metaField", "message_template_status_update");
        assertThat(missed(health, "QUALITY")).containsEntry("count", 0);

        // Another pause missed: the same alert, counted again, not a second one.
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("730001", "order_update", "PAUSED", "UTILITY", "UNKNOWN"),
                template("730002", "welcome", "PAUSED", "UTILITY", "UNKNOWN")));
        tenant.sync();
        assertThat(tenant.gapAlerts()).singleElement().satisfies(alert -> assertThat(alert).containsEntry("count", 2));
        assertThat(missed(tenant.health(tenant.admin).body(), "STATUS")).containsEntry("count", 2);

        // Nothing differs any more: every change since the last sync came by webhook.
        Map<String, Object> clean = tenant.sync();
        assertThat(clean).containsEntry("changesApplied", 0);
        assertThat(tenant.gapAlerts()).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("state", "RESOLVED"));
        Map<String, Object> after = tenant.health(tenant.admin).body();
        assertThat(after).containsEntry("alertOpen", false);
        assertThat((Map<String, Object>) after.get("lastReconcile")).containsEntry("jobId", clean.get("id"))
                .containsEntry("status", "COMPLETED");
    }

    @Test
    void with_the_app_subscribed_the_alert_names_the_fields_whose_changes_were_missed() {
        Tenant tenant = new Tenant();
        tenant.webhook("731001", "APPROVED");
        tenant.subscribedApps("""
                {"data":[{"whatsapp_business_api_data":{"link":"https://www.facebook.com/games/?app_id=67084",
                "name":"Warden Prod","id":"67084"}}]}""");
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("731001", "order_update", "DISABLED", "UTILITY", "UNKNOWN")));

        tenant.sync();

        assertThat(tenant.gapAlerts()).singleElement().satisfies(alert -> assertThat(alert.get("message").toString())
                .contains("Subscribed apps: Warden Prod").contains("message_template_status_update")
                .contains("App Dashboard"));
    }

    @Test
    void when_meta_cannot_say_who_is_subscribed_the_alert_says_it_could_not_check() {
        Tenant tenant = new Tenant();
        tenant.webhook("732001", "APPROVED");
        GraphApi.stubSubscribedApps(tenant.waba, GraphApi.error(500, 2, "Service temporarily unavailable"));
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("732001", "order_update", "REJECTED", "UTILITY", "UNKNOWN")));

        tenant.sync();

        assertThat(tenant.gapAlerts()).singleElement().satisfies(alert -> assertThat(alert.get("message").toString())
                .contains("could not check"));
    }

    @Test
    void quality_drops_found_by_reconciliation_raise_the_webhook_alerts_and_recovery_resolves_them() {
        Tenant tenant = new Tenant();
        tenant.subscribedApps("{\"data\":[]}");
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("734001", "order_update", "APPROVED", "MARKETING", "GREEN")));
        tenant.sync();
        String templateId = ReconciliationIT.items(api.get("/api/v1/templates?wabaId=" + tenant.waba
                + "&metaTemplateId=734001", tenant.viewer)).get(0).get("id").toString();

        // The severities are LifecycleReactions' (SPEC: YELLOW -> MEDIUM, RED -> CRITICAL), as for a webhook.
        for (String[] step : new String[][] {{"YELLOW", "MEDIUM"}, {"RED", "CRITICAL"}}) {
            GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                    template("734001", "order_update", "APPROVED", "MARKETING", step[0])));
            tenant.sync();
            assertThat(ReconciliationIT.items(api.get("/api/v1/alerts?type=QUALITY_DEGRADED&templateId=" + templateId,
                    tenant.admin))).as(step[0]).singleElement().satisfies(alert -> assertThat(alert)
                    .containsEntry("severity", step[1]).containsEntry("state", "OPEN"));
        }
        assertThat(missed(tenant.health(tenant.viewer).body(), "QUALITY")).containsEntry("count", 2);

        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("734001", "order_update", "APPROVED", "MARKETING", "GREEN")));
        tenant.sync();
        assertThat(ReconciliationIT.items(api.get("/api/v1/alerts?type=QUALITY_DEGRADED&templateId=" + templateId,
                tenant.admin))).singleElement().satisfies(alert -> assertThat(alert).containsEntry("state", "RESOLVED"));
    }

    @Test
    void imports_are_not_missed_webhooks() {
        Tenant tenant = new Tenant();
        GraphApi.stubPage(tenant.waba, null, page(tenant.waba, null,
                template("733001", "order_update", "APPROVED", "UTILITY", "GREEN")));

        assertThat(tenant.sync()).containsEntry("changesApplied", 2);

        assertThat(tenant.gapAlerts()).isEmpty();
        Map<String, Object> health = tenant.health(tenant.viewer).body();
        assertThat(missed(health, "STATUS")).containsEntry("count", 0);
        assertThat(health).containsEntry("alertOpen", false);
        assertThat(health.get("lastWebhookReceivedAt")).isNull();
    }

    @Test
    void webhook_health_is_for_the_wabas_organisation_only() {
        Tenant tenant = new Tenant();
        Tenant other = new Tenant();
        assertThat(tenant.health(tenant.viewer).status()).isEqualTo(200);
        assertThat(tenant.health(tenant.admin).status()).isEqualTo(200);
        assertThat(tenant.health(root).status()).isEqualTo(200);
        assertThat(tenant.health(tenant.viewer).body()).containsEntry("lastReconcile", null);
        assertThat(tenant.health(other.admin).status()).isEqualTo(404);
        assertThat(tenant.health(other.viewer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/whatsapp-accounts/" + MetaWebhooks.randomWaba() + "/webhook-health",
                tenant.admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/whatsapp-accounts/not-a-waba/webhook-health", tenant.admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/whatsapp-accounts/" + tenant.waba + "/webhook-health", null).status())
                .isEqualTo(401);
    }

    @Test
    void any_waba_path_value_gets_a_clear_4xx_never_a_5xx() {
        qt().withExamples(150).forAll(strings().allPossible().ofLengthBetween(1, 60)).checkAssert(value -> {
            String segment = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            Reply reply = api.get("/api/v1/whatsapp-accounts/" + segment + "/webhook-health", root);
            assertThat(reply.status()).as(value + " -> " + reply).isIn(200, 400, 404, 405);
        });
    }
}
