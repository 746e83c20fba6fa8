package dev.warden.bootstrap;

import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import dev.warden.domain.alert.AlertSeverity;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sort} on the template, alert and campaign lists: an allow-listed field, ascending or with '-'. */
@MicronautTest(transactional = false)
class ListSortingApiIT extends ApiTest {

    @Test
    void campaigns_sort_by_name_both_ways_and_keep_newest_first_without_sort() {
        Tenant tenant = new Tenant(api, root, "760001");
        for (String name : List.of("Beta", "Alpha", "Gamma")) {
            assertThat(api.post("/api/v1/campaigns", tenant.admin, Map.of("name", name, "templateId", tenant.templateId))
                    .status()).isEqualTo(201);
        }

        assertThat(names("/api/v1/campaigns?sort=name", tenant.viewer)).containsExactly("Alpha", "Beta", "Gamma");
        assertThat(names("/api/v1/campaigns?sort=-name", tenant.viewer)).containsExactly("Gamma", "Beta", "Alpha");
        assertThat(names("/api/v1/campaigns?sort=-name&size=2&page=1", tenant.viewer)).containsExactly("Alpha");
        assertThat(names("/api/v1/campaigns", tenant.viewer)).containsExactly("Gamma", "Alpha", "Beta");
    }

    @Test
    void alerts_sort_by_severity_as_ranked_not_as_spelled() {
        Tenant tenant = new Tenant(api, root, "760002");
        tenant.approvedTemplate("760003");
        tenant.webhook("760002", "PAUSED", 2000);
        tenant.webhook("760003", "DISABLED", 2000);
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts", tenant.viewer))).hasSize(2));

        List<AlertSeverity> ascending = severities("/api/v1/alerts?sort=severity", tenant.viewer);
        List<AlertSeverity> descending = severities("/api/v1/alerts?sort=-severity", tenant.viewer);
        assertThat(ascending).hasSize(2).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(descending).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void an_unknown_sort_field_is_a_400_naming_the_allowed_ones() {
        Reply templates = api.get("/api/v1/templates?sort=content", root);
        assertThat(templates.status()).isEqualTo(400);
        assertThat(templates.contentType()).startsWith("application/problem+json");
        assertThat(templates.text("detail")).contains("sort must be one of name, language, status, quality, "
                + "category, createdAt, updatedAt").contains("'-'");
        assertThat(api.get("/api/v1/alerts?sort=-name", root).text("detail")).contains("lastRaisedAt", "severity");
        assertThat(api.get("/api/v1/campaigns?sort=severity", root).text("detail")).contains("name, status");
        assertThat(api.get("/api/v1/templates?sort=-updatedAt", root).status()).isEqualTo(200);
    }

    private List<AlertSeverity> severities(String path, String token) {
        return items(api.get(path, token)).stream().map(a -> AlertSeverity.valueOf(a.get("severity").toString()))
                .toList();
    }

    private List<Object> names(String path, String token) {
        return items(api.get(path, token)).stream().map(c -> c.get("name")).toList();
    }
}
