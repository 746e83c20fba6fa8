package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * /prometheus as an operator's scraper sees it: webhooks received, refused and applied, campaigns
 * paused by a template, notifications by channel and outcome, Graph API calls, the inbox's and the
 * outbox's depth and lag, and no series an anonymous caller can add.
 * Counters are shared by every test of this context, so each test compares before and after.
 */
@MicronautTest(transactional = false)
class MetricsIT extends ApiTest {

    private final WireMockServer slack = new WireMockServer(options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        if (!slack.isRunning()) {
            slack.start();
            slack.stubFor(post(urlPathMatching("/services/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        }
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.notify.allow-plain-http-slack", "true");
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }

    @AfterAll
    void stopSlack() {
        slack.stop();
    }

    private String scrape() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/prometheus"), String.class);
        assertThat(response.getStatus().getCode()).as("scraped without a token").isEqualTo(200);
        return response.body();
    }

    /** The value of the one sample of {@code name} whose labels contain {@code label}; 0 when there is none yet. */
    private static double value(String scrape, String name, String label) {
        return scrape.lines()
                .filter(line -> (line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void a_webhook_that_pauses_a_template_is_counted_from_receipt_to_the_campaign_it_held() {
        Tenant tenant = new Tenant(api, root, "640001");
        String campaign = tenant.campaign("Weekly digest");
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/start", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        String before = scrape();

        tenant.webhook("640001", "PAUSED", 3000);
        Eventually.holds(() -> assertThat(api.get("/api/v1/campaigns/" + campaign, tenant.viewer).text("status"))
                .isEqualTo("PAUSED"));
        byte[] forged = bytes(MetaWebhooks.status(tenant.waba, 3001, "640001", "APPROVED"));
        assertThat(api.postWebhook(forged, sign("not-the-app-secret", forged)).status()).isEqualTo(401);
        assertThat(api.postWebhook(forged, null).status()).isEqualTo(401);

        Eventually.holds(() -> {
            String after = scrape();
            assertThat(value(after, "warden_webhook_deliveries_total", "outcome=\"accepted\""))
                    .isGreaterThanOrEqualTo(value(before, "warden_webhook_deliveries_total", "outcome=\"accepted\"") + 1);
            assertThat(value(after, "warden_webhook_deliveries_total", "outcome=\"signature_mismatch\""))
                    .isEqualTo(value(before, "warden_webhook_deliveries_total", "outcome=\"signature_mismatch\"") + 1);
            assertThat(value(after, "warden_webhook_deliveries_total", "outcome=\"signature_missing\""))
                    .isEqualTo(value(before, "warden_webhook_deliveries_total", "outcome=\"signature_missing\"") + 1);
            assertThat(value(after, "warden_webhook_changes_total", "fate=\"applied\""))
                    .isGreaterThanOrEqualTo(value(before, "warden_webhook_changes_total", "fate=\"applied\"") + 1);
            assertThat(value(after, "warden_campaigns_paused_total", ""))
                    .isGreaterThanOrEqualTo(value(before, "warden_campaigns_paused_total", "") + 1);
            assertThat(value(after, "warden_alerts_raised_total", ""))
                    .isGreaterThan(value(before, "warden_alerts_raised_total", ""));
        });
    }

    @Test
    void a_notification_and_a_graph_call_are_counted_by_outcome() {
        Tenant tenant = new Tenant(api, root, "640002");
        assertThat(api.put("/api/v1/notification-preferences", tenant.admin, Map.of(
                "routes", List.of("MEDIUM", "HIGH", "CRITICAL").stream()
                        .map(severity -> Map.of("severity", severity, "channels", List.of("SLACK"))).toList(),
                "slack", Map.of("webhookUrl", slack.baseUrl() + "/services/T0/B0/" + tenant.waba))).status())
                .isEqualTo(200);
        GraphApi.stubPage(tenant.waba, null, GraphApi.page(tenant.waba, null,
                GraphApi.template("640002", "order_update", "APPROVED", "UTILITY", "GREEN")));
        String before = scrape();

        tenant.webhook("640002", "PAUSED", 3000);
        assertThat(api.post("/api/v1/whatsapp-accounts/" + tenant.waba + "/sync", tenant.admin, Map.of()).status())
                .isEqualTo(202);

        Eventually.holds(() -> {
            String after = scrape();
            String sent = "channel=\"slack\",outcome=\"sent\"";
            assertThat(value(after, "warden_notifications_total", sent))
                    .isGreaterThanOrEqualTo(value(before, "warden_notifications_total", sent) + 1);
            assertThat(value(after, "warden_graph_calls_total", "outcome=\"success\""))
                    .isGreaterThanOrEqualTo(value(before, "warden_graph_calls_total", "outcome=\"success\"") + 1);
        });
    }

    @Test
    void the_inbox_depth_and_processing_lag_are_gauges() {
        String scrape = scrape();

        assertThat(scrape).contains("warden_inbox_changes{state=\"pending\"")
                .contains("warden_inbox_changes{state=\"dead\"")
                .contains("warden_inbox_changes{state=\"unroutable\"")
                .contains("warden_inbox_lag_seconds ")
                .contains("warden_outbox_notifications ")
                .contains("warden_outbox_lag_seconds ")
                .as("the pool, the JVM and request timings come with them")
                .contains("hikaricp_connections").contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count");
        assertThat(scrape).as("every fate from the start, at zero if nothing happened yet")
                .contains("warden_webhook_changes_total{fate=\"stale\"")
                .contains("warden_webhook_changes_total{fate=\"dead\"")
                .contains("warden_notifications_total{channel=\"email\",outcome=\"dead\"")
                .contains("warden_graph_calls_total{outcome=\"rate_limited\"");
    }

    @Test
    void paths_an_anonymous_caller_makes_up_add_no_series() {
        String madeUp = "/api/v1/" + UUID.randomUUID();
        api.get(madeUp, null);
        api.get(madeUp, root);

        assertThat(scrape()).doesNotContain(madeUp.substring(8));
    }
}
