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
 * Alert and campaign lists with their filters, acknowledging a template's alerts at once, and the
 * campaigns a template affects; another organisation's are never listed and are not found.
 */
@MicronautTest(transactional = false)
class AlertAndCampaignListsApiIT extends ApiTest {

    @Test
    void alerts_filter_by_type_and_template_within_the_organization() {
        Tenant tenant = new Tenant(api, root, "720001");
        Tenant other = new Tenant(api, root, "720001");
        String second = tenant.approvedTemplate("720002");
        tenant.webhook("720001", "PAUSED", 2000);
        tenant.webhook("720002", "DISABLED", 2000);
        other.webhook("720001", "PAUSED", 2000);
        Eventually.holds(() -> assertThat(items(api.get("/api/v1/alerts", tenant.viewer))).hasSize(2));

        assertThat(items(api.get("/api/v1/alerts?type=template_paused", tenant.viewer)))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("templateId", tenant.templateId));
        assertThat(items(api.get("/api/v1/alerts?templateId=" + second, tenant.viewer)))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("type", "TEMPLATE_DISABLED"));
        assertThat(items(api.get("/api/v1/alerts?templateId=" + second + "&type=TEMPLATE_PAUSED", tenant.viewer)))
                .isEmpty();
        assertThat(items(api.get("/api/v1/alerts?templateId=" + other.templateId, tenant.viewer))).isEmpty();
        assertThat(items(api.get("/api/v1/alerts?templateId=" + other.templateId, root)))
                .extracting(a -> a.get("organizationId")).containsExactly(other.org);
        Reply badType = api.get("/api/v1/alerts?type=TEMPLATE_ON_FIRE", tenant.viewer);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.text("detail")).contains("type must be one of").contains("CATEGORY_CHANGED");
        assertThat(api.get("/api/v1/alerts?templateId=nope", tenant.viewer).text("detail")).contains("templateId");
    }

    @Test
    void acknowledging_a_templates_alerts_records_who_and_when_and_releases_a_category_hold() {
        Tenant tenant = new Tenant(api, root, "720003");
        String campaign = tenant.runningCampaign("Reminders");
        String open = "/api/v1/alerts?state=OPEN&templateId=" + tenant.templateId;
        tenant.webhook("720003", "PAUSED", 2000);
        Eventually.holds(() -> assertThat(items(api.get(open, tenant.viewer))).hasSize(1));
        tenant.categoryChanged("UTILITY", "MARKETING", 2001);
        Eventually.holds(() -> assertThat(items(api.get(open, tenant.viewer))).hasSize(2));
        tenant.webhook("720003", "APPROVED", 2000 + 3 * 3600);
        Eventually.holds(() -> assertThat(items(api.get(open, tenant.viewer))).extracting(a -> a.get("type"))
                .containsExactly("CATEGORY_CHANGED"));
        String acknowledge = "/api/v1/templates/" + tenant.templateId + "/acknowledge-alert";
        assertThat(api.post(acknowledge, tenant.viewer, Map.of()).status()).isEqualTo(403);
        assertThat(tenant.campaignState(campaign)).containsEntry("status", "PAUSED");

        Reply acknowledged = api.post(acknowledge, tenant.admin, Map.of());

        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.body()).containsEntry("templateId", tenant.templateId);
        assertThat(list(acknowledged, "acknowledged")).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "CATEGORY_CHANGED").containsEntry("state", "ACKNOWLEDGED")
                .containsEntry("acknowledgedBy", tenant.adminName).containsKey("acknowledgedAt"));
        assertThat(list(acknowledged, "acknowledged").get(0).get("acknowledgedAt")).isNotNull();
        assertThat(items(api.get(open, tenant.viewer))).isEmpty();
        assertThat(tenant.campaignState(campaign)).containsEntry("status", "RUNNING");
        assertThat(list(api.post(acknowledge, tenant.admin, Map.of()), "acknowledged")).isEmpty();
        assertThat(items(api.get("/api/v1/audit-log?resource=ALERT:" + list(acknowledged, "acknowledged").get(0)
                .get("id"), tenant.admin))).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "ALERT_ACKNOWLEDGED").containsEntry("actor", tenant.adminName));
    }

    @Test
    void another_organizations_template_alerts_are_not_found_and_stay_open() {
        Tenant mine = new Tenant(api, root, "720004");
        Tenant theirs = new Tenant(api, root, "720005");
        theirs.webhook("720005", "DISABLED", 2000);
        String open = "/api/v1/alerts?state=OPEN&templateId=" + theirs.templateId;
        Eventually.holds(() -> assertThat(items(api.get(open, theirs.viewer))).hasSize(1));

        assertThat(api.post("/api/v1/templates/" + theirs.templateId + "/acknowledge-alert", mine.admin, Map.of())
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/templates/" + UUID.randomUUID() + "/acknowledge-alert", mine.admin, Map.of())
                .status()).isEqualTo(404);
        assertThat(api.post("/api/v1/templates/not-an-id/acknowledge-alert", mine.admin, Map.of()).status())
                .isEqualTo(400);
        assertThat(items(api.get(open, theirs.viewer))).hasSize(1);
        assertThat(list(api.post("/api/v1/templates/" + theirs.templateId + "/acknowledge-alert", root, Map.of()),
                "acknowledged")).extracting(a -> a.get("acknowledgedBy")).containsExactly(TestPostgres.ROOT_USERNAME);
    }

    @Test
    void campaigns_filter_by_status_template_and_hold_cause_and_never_show_another_organizations() {
        Tenant tenant = new Tenant(api, root, "720006");
        Tenant other = new Tenant(api, root, "720006");
        String second = tenant.approvedTemplate("720007");
        String draft = tenant.draftCampaign("Draft", tenant.templateId);
        String running = tenant.runningCampaign("Running");
        String manual = tenant.runningCampaign("Manual");
        api.post("/api/v1/campaigns/" + manual + "/pause", tenant.admin, Map.of());
        String onSecond = tenant.draftCampaign("On second", second);
        other.runningCampaign("Theirs");
        tenant.webhook("720007", "PAUSED", 2000);
        Eventually.holds(() -> assertThat(holdsOf(tenant.campaignState(onSecond))).containsExactly("TEMPLATE_STATUS"));

        assertThat(ids(api.get("/api/v1/campaigns", tenant.viewer))).containsExactlyInAnyOrder(draft, running, manual,
                onSecond);
        assertThat(ids(api.get("/api/v1/campaigns?status=running", tenant.viewer))).containsExactly(running);
        assertThat(ids(api.get("/api/v1/campaigns?templateId=" + second, tenant.viewer))).containsExactly(onSecond);
        assertThat(ids(api.get("/api/v1/campaigns?holdCause=MANUAL", tenant.viewer))).containsExactly(manual);
        assertThat(ids(api.get("/api/v1/campaigns?holdCause=TEMPLATE_STATUS&status=DRAFT", tenant.viewer)))
                .containsExactly(onSecond);
        assertThat(ids(api.get("/api/v1/campaigns?templateId=" + other.templateId, tenant.viewer))).isEmpty();
        assertThat(api.get("/api/v1/campaigns?size=2", tenant.viewer).body()).containsEntry("total", 4)
                .containsEntry("size", 2);
        assertThat(items(api.get("/api/v1/campaigns?organizationId=" + other.org, root)))
                .extracting(c -> c.get("organizationId")).containsExactly(other.org);
        assertThat(api.get("/api/v1/campaigns?organizationId=" + other.org, tenant.admin).status()).isEqualTo(403);
        for (String bad : List.of("status=SLEEPING", "holdCause=BORED", "templateId=42", "page=-1", "size=500")) {
            Reply reply = api.get("/api/v1/campaigns?" + bad, tenant.viewer);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.text("detail")).as(bad).contains(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(api.get("/api/v1/campaigns?holdCause=x", tenant.viewer).text("detail"))
                .contains("MANUAL").contains("CATEGORY_CHANGE");
    }

    @Test
    void a_templates_campaigns_are_listed_with_their_holds() {
        Tenant tenant = new Tenant(api, root, "720008");
        Tenant other = new Tenant(api, root, "720009");
        String running = tenant.runningCampaign("Running");
        String second = tenant.draftCampaign("Second draft", tenant.templateId);
        String draft = tenant.draftCampaign("Draft", tenant.templateId);
        tenant.draftCampaign("On another template", tenant.approvedTemplate("720010"));
        tenant.webhook("720008", "PAUSED", 2000);
        String path = "/api/v1/templates/" + tenant.templateId + "/campaigns";
        Eventually.holds(() -> assertThat(holdsOf(tenant.campaignState(running))).containsExactly("TEMPLATE_STATUS"));

        Reply affected = api.get(path, tenant.viewer);

        assertThat(ids(affected)).containsExactlyInAnyOrder(running, second, draft);
        assertThat(items(affected)).allSatisfy(c -> assertThat(holdsOf(c)).containsExactly("TEMPLATE_STATUS"));
        assertThat(ids(api.get(path + "?status=PAUSED", tenant.viewer))).containsExactly(running);
        assertThat(ids(api.get(path + "?holdCause=MANUAL", tenant.viewer))).isEmpty();
        assertThat(api.get("/api/v1/templates/" + tenant.templateId + "/campaigns", other.viewer).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/templates/" + UUID.randomUUID() + "/campaigns", tenant.viewer).status())
                .isEqualTo(404);
        assertThat(ids(api.get(path, root))).containsExactlyInAnyOrder(running, second, draft);
        assertThat(api.get(path + "?status=ASLEEP", tenant.viewer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/campaigns/" + running + "/hold-history", tenant.viewer).body())
                .containsEntry("total", 1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Reply reply, String field) {
        return (List<Map<String, Object>>) reply.body().get(field);
    }

    private static List<Object> ids(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return items(reply).stream().map(c -> c.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> holdsOf(Map<String, Object> campaign) {
        return ((List<Map<String, Object>>) campaign.get("holds")).stream().map(h -> String.valueOf(h.get("cause")))
                .toList();
    }
}
