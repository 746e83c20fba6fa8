package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * /prometheus as an operator's scraper sees it: webhooks received, refused and applied, campaigns
 * paused by a template, the inbox's depth and lag, and no series an anonymous caller can add.
 * Counters are shared by every test of this context, so each test compares before and after.
 */
@MicronautTest(transactional = false)
class MetricsIT extends ApiTest {

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
    void the_inbox_depth_and_processing_lag_are_gauges() {
        String scrape = scrape();

        assertThat(scrape).contains("warden_inbox_changes{state=\"pending\"")
                .contains("warden_inbox_changes{state=\"dead\"")
                .contains("warden_inbox_changes{state=\"unroutable\"")
                .contains("warden_inbox_lag_seconds ")
                .as("the pool, the JVM and request timings come with them")
                .contains("hikaricp_connections").contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_count");
        assertThat(scrape).as("every fate from the start, at zero if nothing happened yet")
                .contains("warden_webhook_changes_total{fate=\"stale\"")
                .contains("warden_webhook_changes_total{fate=\"dead\"");
    }

    @Test
    void paths_an_anonymous_caller_makes_up_add_no_series() {
        String madeUp = "/api/v1/" + UUID.randomUUID();
        api.get(madeUp, null);
        api.get(madeUp, root);

        assertThat(scrape()).doesNotContain(madeUp.substring(8));
    }
}
