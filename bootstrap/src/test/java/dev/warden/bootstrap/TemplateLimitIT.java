package dev.warden.bootstrap;

import static dev.warden.bootstrap.GraphApi.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The template limit alert: the summary of Meta's list ({@code message_template_count} against
 * {@code message_template_limit}) raises TEMPLATE_LIMIT_NEAR from 90 % of the limit, CRITICAL at it,
 * and resolves it once the WABA is below again. The WABA's health shows the latest count and limit.
 */
@MicronautTest(transactional = false)
class TemplateLimitIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.graph.attempts", "1");
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }

    // One server for the class: each test registers a WABA of its own.
    private String waba;

    @BeforeEach
    void newWaba() {
        waba = MetaWebhooks.randomWaba();
    }

    private void metaSays(long count, long limit) {
        GraphApi.stubPage(waba, null, """
                {"data":[%s],"paging":{"cursors":{"before":"QVFIUb","after":"QVFIUe"}},
                "summary":{"total_count":%d,"message_template_count":%d,"message_template_limit":%d}}"""
                .formatted(template("740001", "order_update", "APPROVED", "UTILITY", "GREEN"), count, count, limit));
    }

    private void sync() {
        Reply accepted = api.post("/api/v1/whatsapp-accounts/" + waba + "/sync", root, Map.of());
        assertThat(accepted.status()).isEqualTo(202);
        Eventually.holds(() -> assertThat(api.get("/api/v1/sync-jobs/" + accepted.text("id"), root).text("status"))
                .isEqualTo("COMPLETED"));
    }

    private List<Map<String, Object>> limitAlerts(String org) {
        return ReconciliationIT.items(api.get("/api/v1/alerts?type=TEMPLATE_LIMIT_NEAR&organizationId=" + org, root));
    }

    private Object templatesOfHealth() {
        Reply health = api.get("/api/v1/whatsapp-accounts/" + waba + "/webhook-health", root);
        assertThat(health.status()).isEqualTo(200);
        return health.body().get("templates");
    }

    @Test
    void the_wabas_health_shows_the_count_and_limit_of_its_latest_reconciliation_and_whether_it_is_near() {
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Count " + waba)).text("id");
        api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root, Map.of("wabaId", waba, "name", "Main"));
        assertThat(templatesOfHealth()).as("before any reconciliation").isNull();

        metaSays(120, 250);
        sync();
        assertThat(templatesOfHealth()).asInstanceOf(MAP)
                .containsEntry("count", 120).containsEntry("limit", 250).containsEntry("near", false)
                .containsKey("countedAt");

        metaSays(240, 250);
        sync();
        assertThat(templatesOfHealth()).asInstanceOf(MAP)
                .containsEntry("count", 240).containsEntry("near", true);
    }

    @Test
    void nearing_the_limit_raises_an_alert_reaching_it_makes_it_critical_and_falling_below_resolves_it() {
        String org = api.post("/api/v1/organizations", root, Map.of("name", "Limit " + waba)).text("id");
        api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root, Map.of("wabaId", waba, "name", "Main"));

        metaSays(5399, 6000);
        sync();
        assertThat(limitAlerts(org)).as("below 90 %").isEmpty();

        metaSays(5400, 6000);
        sync();
        assertThat(limitAlerts(org)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("severity", "HIGH").containsEntry("state", "OPEN")
                    .containsEntry("subject", Map.of("kind", "WABA", "key", waba));
            assertThat(alert.get("message").toString()).contains("5400 of the 6000").contains("LIMIT_EXCEEDED");
        });

        metaSays(6000, 6000);
        sync();
        assertThat(limitAlerts(org)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("severity", "CRITICAL").containsEntry("state", "OPEN"));

        metaSays(4000, 6000);
        sync();
        assertThat(limitAlerts(org)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("state", "RESOLVED"));
    }
}
