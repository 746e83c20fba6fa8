package dev.warden.bootstrap;

import static dev.warden.bootstrap.Tenant.items;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The category routes end to end: what a template's category standing shows, the allow flag that
 * decides whether Meta's recategorisation holds campaigns, and the organisation's category history.
 */
@MicronautTest(transactional = false)
class TemplateCategoryApiIT extends ApiTest {

    private String info(Tenant tenant) {
        return "/api/v1/templates/" + tenant.templateId + "/category-info";
    }

    private String flag(Tenant tenant) {
        return "/api/v1/templates/" + tenant.templateId + "/allow-category-change";
    }

    @Test
    void category_info_shows_the_notice_the_change_and_the_consent_it_waits_for() {
        Tenant tenant = new Tenant(api, root, "710001");
        assertThat(api.get(info(tenant), tenant.viewer).body()).containsEntry("category", "UTILITY")
                .containsEntry("pendingChange", null).containsEntry("allowCategoryChange", false)
                .containsEntry("awaitingConsent", false).containsEntry("lastChange", null)
                .containsEntry("templateId", tenant.templateId);

        tenant.categoryImpending("UTILITY", "MARKETING", 1_767_225_600L, 2000);
        Eventually.holds(() -> assertThat(api.get(info(tenant), tenant.viewer).body().get("pendingChange"))
                .isEqualTo(Map.of("category", "MARKETING", "effectiveAt", "2026-01-01T00:00:00Z")));

        tenant.categoryChanged("UTILITY", "MARKETING", 3000);
        Eventually.holds(() -> assertThat(api.get(info(tenant), tenant.viewer).body())
                .containsEntry("category", "MARKETING").containsEntry("pendingChange", null)
                .containsEntry("awaitingConsent", true));
        Map<String, Object> body = api.get(info(tenant), tenant.viewer).body();
        assertThat(body.get("metaReported")).isEqualTo(Map.of("category", "MARKETING", "at", "1970-01-01T00:50:00Z",
                "source", "WEBHOOK"));
        assertThat(body.get("lastChange")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("event", "CATEGORY_CHANGED").containsEntry("previous", "UTILITY")
                .containsEntry("current", "MARKETING").containsEntry("templateId", tenant.templateId);
    }

    @Test
    void an_allowed_template_is_recategorised_without_holding_its_campaigns_and_a_disallowed_one_is_held() {
        Tenant tenant = new Tenant(api, root, "710002");
        String campaign = tenant.runningCampaign("Receipts");

        Reply allowed = api.patch(flag(tenant), tenant.admin, Map.of("allow", true));

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body()).containsEntry("allowCategoryChange", true);
        assertThat(api.get("/api/v1/templates/" + tenant.templateId, tenant.viewer).body())
                .containsEntry("allowCategoryChange", true);
        tenant.categoryChanged("UTILITY", "MARKETING", 2000);
        Eventually.holds(() -> assertThat(api.get(info(tenant), tenant.viewer).body())
                .containsEntry("category", "MARKETING"));
        assertThat(tenant.campaignState(campaign)).containsEntry("status", "RUNNING");
        assertThat(api.get(info(tenant), tenant.viewer).body()).containsEntry("awaitingConsent", false);
        assertThat(items(api.get("/api/v1/alerts?type=CATEGORY_CHANGED&templateId=" + tenant.templateId,
                tenant.viewer))).isEmpty();

        assertThat(api.patch(flag(tenant), tenant.admin, Map.of("allow", false)).body())
                .containsEntry("allowCategoryChange", false);
        api.patch(flag(tenant), tenant.admin, Map.of("allow", false));
        assertThat(items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + tenant.templateId, tenant.admin)))
                .as("setting the value the flag has is no action").extracting(e -> e.get("after"))
                .containsExactly(Map.of("allowCategoryChange", "false"), Map.of("allowCategoryChange", "true"));
        tenant.categoryChanged("MARKETING", "UTILITY", 3000);
        Eventually.holds(() -> assertThat(tenant.campaignState(campaign)).containsEntry("status", "PAUSED")
                .containsEntry("pauseReason", "CATEGORY_CHANGED"));
        assertThat(items(api.get("/api/v1/alerts?type=CATEGORY_CHANGED&templateId=" + tenant.templateId,
                tenant.viewer))).hasSize(1);
    }

    @Test
    void only_admins_of_the_organization_set_the_flag_and_other_organizations_see_nothing() {
        Tenant mine = new Tenant(api, root, "710003");
        Tenant theirs = new Tenant(api, root, "710004");

        assertThat(api.patch(flag(mine), mine.viewer, Map.of("allow", true)).status()).isEqualTo(403);
        assertThat(api.patch(flag(theirs), mine.admin, Map.of("allow", true)).status()).isEqualTo(404);
        assertThat(api.get(info(theirs), mine.viewer).status()).isEqualTo(404);
        assertThat(api.get(info(theirs), mine.admin).status()).isEqualTo(404);
        assertThat(api.patch(flag(mine), null, Map.of("allow", true)).status()).isEqualTo(401);
        assertThat(api.get(info(theirs), root).body()).containsEntry("allowCategoryChange", false);
        assertThat(api.patch(flag(theirs), root, Map.of("allow", true)).body()).containsEntry("allowCategoryChange", true);
        assertThat(api.get("/api/v1/templates/" + UUID.randomUUID() + "/category-info", mine.viewer).status())
                .isEqualTo(404);
        assertThat(api.patch("/api/v1/templates/" + UUID.randomUUID() + "/allow-category-change", mine.admin,
                Map.of("allow", true)).status()).isEqualTo(404);
        assertThat(api.get(info(mine), mine.viewer).body()).containsEntry("allowCategoryChange", false);
    }

    @Test
    void a_body_that_is_not_a_boolean_allow_is_a_400_problem_and_changes_nothing() {
        Tenant tenant = new Tenant(api, root, "710005");
        for (String body : List.of("{}", "{\"allow\":null}", "{\"allow\":\"maybe\"}", "{\"allow\":[true]}",
                "{\"allow\":{}}", "{\"allow\":\"true\"}", "{\"allow\":1}", "[]", "true", "not json", "", "{\"allow\":tru")) {
            Reply reply = api.patchRaw(flag(tenant), tenant.admin, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).as(body).isEqualTo("application/problem+json");
        }
        assertThat(api.get(info(tenant), tenant.viewer).body()).containsEntry("allowCategoryChange", false);
    }

    @Test
    void category_changes_list_the_organizations_history_newest_first_in_pages() {
        Tenant mine = new Tenant(api, root, "710006");
        Tenant theirs = new Tenant(api, root, "710007");
        theirs.categoryChanged("UTILITY", "MARKETING", 2000);
        mine.categoryImpending("UTILITY", "MARKETING", 1_767_225_600L, 2000);
        Eventually.holds(() -> assertThat(api.get(info(mine), mine.viewer).body().get("pendingChange")).isNotNull());
        api.patch(flag(mine), mine.admin, Map.of("allow", true));
        Eventually.holds(() -> assertThat(api.get(info(theirs), theirs.viewer).body())
                .containsEntry("category", "MARKETING"));

        Reply first = api.get("/api/v1/templates/category-changes?size=1", mine.viewer);
        Reply all = api.get("/api/v1/templates/category-changes", mine.viewer);

        assertThat(first.body()).containsEntry("total", 2).containsEntry("size", 1);
        assertThat(items(first)).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("event", "ALLOW_CATEGORY_CHANGE").containsEntry("source", "USER")
                .containsEntry("current", "true").containsEntry("templateId", mine.templateId)
                .containsEntry("details", Map.of("author", mine.adminName)));
        assertThat(items(all)).extracting(line -> line.get("event"))
                .containsExactly("ALLOW_CATEGORY_CHANGE", "CATEGORY_CHANGE_IMPENDING");
        assertThat(items(all)).extracting(line -> line.get("templateId")).containsOnly(mine.templateId);
        assertThat(items(api.get("/api/v1/templates/category-changes?organizationId=" + theirs.org, root)))
                .extracting(line -> line.get("event")).containsExactly("CATEGORY_CHANGED");
        assertThat(api.get("/api/v1/templates/category-changes?organizationId=" + theirs.org, mine.admin).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/templates/category-changes?size=0", mine.viewer).status()).isEqualTo(400);
    }
}
