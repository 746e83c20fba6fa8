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
 * Campaign protection end to end through HTTP: Meta pauses a template by webhook, its running
 * campaign pauses; Meta approves it again, the campaign resumes, unless a person paused it.
 * And the API's tenant and role boundaries.
 */
@MicronautTest(transactional = false)
class CampaignsAndTenancyApiIT extends ApiTest {

    private Map<String, Object> campaign(Tenant tenant, String id) {
        return api.get("/api/v1/campaigns/" + id, tenant.viewer).body();
    }

    @Test
    void meta_pauses_the_template_and_its_campaign_then_approval_resumes_only_what_warden_paused() {
        Tenant tenant = new Tenant(api, root, "610001");
        String auto = tenant.campaign("Autumn sale");
        String manual = tenant.campaign("Winter sale");
        assertThat(api.post("/api/v1/campaigns/" + auto + "/start", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        api.post("/api/v1/campaigns/" + manual + "/start", tenant.admin, Map.of());
        Reply pausedByHand = api.post("/api/v1/campaigns/" + manual + "/pause", tenant.admin, Map.of());
        assertThat(pausedByHand.body()).containsEntry("status", "PAUSED").containsEntry("pauseReason", "MANUAL")
                .containsEntry("pausedBy", "USER");

        tenant.webhook("610001", "PAUSED", 2000);

        Eventually.holds(() -> assertThat(campaign(tenant, auto)).containsEntry("status", "PAUSED")
                .containsEntry("pauseReason", "TEMPLATE_PAUSED").containsEntry("pausedBy", "SYSTEM"));
        assertThat(tenant.template(tenant.viewer, "sendable")).isEqualTo("false");
        Reply refused = api.post("/api/v1/campaigns/" + tenant.campaign("Spring sale") + "/start", tenant.admin, Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("PAUSED");

        tenant.webhook("610001", "APPROVED", 2000 + 3 * 3600);

        Eventually.holds(() -> assertThat(campaign(tenant, auto)).containsEntry("status", "RUNNING")
                .containsEntry("pauseReason", null).containsEntry("pausedBy", null));
        assertThat(campaign(tenant, manual)).containsEntry("status", "PAUSED").containsEntry("pausedBy", "USER");
        assertThat(campaign(tenant, manual).get("pausedByUser").toString()).startsWith("org_admin_");
        assertThat(api.post("/api/v1/campaigns/" + manual + "/resume", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
    }

    @Test
    void a_category_change_holds_a_campaign_already_held_until_consent_whatever_the_template_does_meanwhile() {
        Tenant tenant = new Tenant(api, root, "630001");
        String running = tenant.campaign("Reminders");
        api.post("/api/v1/campaigns/" + running + "/start", tenant.admin, Map.of());

        tenant.webhook("630001", "PENDING", 2000);
        Eventually.holds(() -> assertThat(campaign(tenant, running)).containsEntry("pauseReason", "TEMPLATE_PENDING"));
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, 2001, "template_category_update", """
                {"message_template_id":630001,"message_template_name":"order_update","message_template_language":"en-US",
                 "previous_category":"UTILITY","new_category":"MARKETING"}"""));
        tenant.deliver(MetaWebhooks.envelope(tenant.waba, 2002, "message_template_status_update", """
                {"event":"APPROVED","message_template_id":630001,"message_template_name":"order_update",
                 "message_template_language":"en-US","reason":"NONE","message_template_category":"MARKETING"}"""));

        Eventually.holds(() -> assertThat(tenant.template(tenant.viewer, "status")).isEqualTo("APPROVED"));
        Eventually.holds(() -> assertThat(holdCauses(campaign(tenant, running))).containsExactly("CATEGORY_CHANGE"));
        assertThat(campaign(tenant, running)).containsEntry("status", "PAUSED")
                .containsEntry("pauseReason", "CATEGORY_CHANGED");
        Reply resume = api.post("/api/v1/campaigns/" + running + "/resume", tenant.admin, Map.of());
        assertThat(resume.status()).isEqualTo(409);
        assertThat(resume.text("detail")).contains("CATEGORY_CHANGE");

        Map<String, Object> alert = items(api.get("/api/v1/alerts?state=OPEN", tenant.viewer)).stream()
                .filter(a -> "CATEGORY_CHANGED".equals(a.get("type"))).findFirst().orElseThrow();
        api.post("/api/v1/alerts/" + alert.get("id") + "/acknowledge", tenant.admin, Map.of());

        assertThat(campaign(tenant, running)).containsEntry("status", "RUNNING");
        List<Map<String, Object>> history = items(api.get("/api/v1/campaigns/" + running + "/hold-history", tenant.viewer));
        assertThat(history).extracting(h -> h.get("cause") + " " + h.get("action")).containsExactly(
                "CATEGORY_CHANGE LIFTED", "TEMPLATE_STATUS LIFTED", "CATEGORY_CHANGE PLACED", "TEMPLATE_STATUS PLACED");
        Tenant stranger = new Tenant(api, root, "630002");
        assertThat(api.get("/api/v1/campaigns/" + running + "/hold-history", stranger.viewer).status()).isEqualTo(404);
    }

    @Test
    void starts_racing_a_template_pause_never_leave_a_campaign_running_on_a_paused_template() throws Exception {
        Tenant tenant = new Tenant(api, root, "640001");
        List<String> drafts = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            drafts.add(tenant.campaign("Race " + i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(13);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (String draft : drafts) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/v1/campaigns/" + draft + "/start", tenant.admin, Map.of()).status();
                }));
            }
            calls.add(pool.submit(() -> {
                go.await();
                tenant.webhook("640001", "PAUSED", 9000);
                return 200;
            }));
            go.countDown();
            for (java.util.concurrent.Future<?> call : calls) {
                assertThat(call.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }

        Eventually.holds(() -> assertThat(tenant.template(tenant.viewer, "status")).isEqualTo("PAUSED"));
        Eventually.holds(() -> {
            for (String id : drafts) {
                Map<String, Object> campaign = campaign(tenant, id);
                assertThat(campaign.get("status")).as("campaign %s", id).isIn("DRAFT", "PAUSED");
                if ("PAUSED".equals(campaign.get("status"))) {
                    assertThat(holdCauses(campaign)).contains("TEMPLATE_STATUS");
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> holdCauses(Map<String, Object> campaign) {
        return ((List<Map<String, Object>>) campaign.get("holds")).stream().map(h -> String.valueOf(h.get("cause")))
                .toList();
    }

    @Test
    void a_disabled_template_pauses_with_its_reason_and_the_alert_can_be_acknowledged() {
        Tenant tenant = new Tenant(api, root, "620001");
        String running = tenant.campaign("Launch");
        api.post("/api/v1/campaigns/" + running + "/start", tenant.admin, Map.of());

        tenant.webhook("620001", "DISABLED", 5000);

        Eventually.holds(() -> assertThat(campaign(tenant, running)).containsEntry("pauseReason", "TEMPLATE_DISABLED"));
        Map<String, Object> alert = items(api.get("/api/v1/alerts?state=OPEN", tenant.viewer)).get(0);
        assertThat(alert).containsEntry("type", "TEMPLATE_DISABLED").containsEntry("severity", "CRITICAL")
                .containsEntry("templateId", tenant.templateId);
        assertThat(api.post("/api/v1/alerts/" + alert.get("id") + "/acknowledge", tenant.viewer, Map.of()).status())
                .isEqualTo(403);
        Reply acknowledged = api.post("/api/v1/alerts/" + alert.get("id") + "/acknowledge", tenant.admin, Map.of());
        assertThat(acknowledged.body()).containsEntry("state", "ACKNOWLEDGED").containsKey("acknowledgedBy");
        assertThat(items(api.get("/api/v1/alerts?state=OPEN", tenant.viewer))).isEmpty();
    }

    @Test
    void another_organizations_things_are_not_found_and_viewers_only_read() {
        Tenant mine = new Tenant(api, root, "630001");
        Tenant theirs = new Tenant(api, root, "630002");
        String theirCampaign = theirs.campaign("Theirs");

        assertThat(api.get("/api/v1/templates/" + theirs.templateId, mine.admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/templates/" + theirs.templateId + "/status-history", mine.viewer).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + theirCampaign, mine.admin).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns/" + theirCampaign + "/start", mine.admin, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns", mine.admin, Map.of("name", "x", "templateId", theirs.templateId))
                .status()).isEqualTo(404);
        assertThat(items(api.get("/api/v1/templates", mine.viewer))).extracting(t -> t.get("organizationId"))
                .containsOnly(mine.org);
        assertThat(api.get("/api/v1/templates?organizationId=" + theirs.org, mine.viewer).status()).isEqualTo(403);

        assertThat(api.post("/api/v1/campaigns", mine.viewer, Map.of("name", "x", "templateId", mine.templateId))
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/templates/" + mine.templateId, mine.viewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/templates/" + theirs.templateId, root).text("organizationId")).isEqualTo(theirs.org);
        assertThat(api.get("/api/v1/webhooks/dead-letters", mine.admin).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/templates", null).status()).isEqualTo(401);
    }

    @Test
    void lists_are_paged_and_filters_are_checked() {
        Tenant tenant = new Tenant(api, root, "640001");
        tenant.webhook("640002", "PENDING", 1000);
        tenant.webhook("640003", "REJECTED", 1000);

        Eventually.holds(() -> assertThat(api.get("/api/v1/templates", tenant.viewer).body()).containsEntry("total", 3));
        Reply firstPage = api.get("/api/v1/templates?size=2&page=0", tenant.viewer);
        Reply secondPage = api.get("/api/v1/templates?size=2&page=1", tenant.viewer);

        assertThat(firstPage.body()).containsEntry("page", 0).containsEntry("size", 2).containsEntry("total", 3);
        assertThat(items(firstPage)).hasSize(2);
        assertThat(items(secondPage)).hasSize(1);
        assertThat(api.get("/api/v1/templates", tenant.viewer).body()).containsEntry("size", 20);
        assertThat(items(api.get("/api/v1/templates?status=rejected", tenant.viewer))).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("metaTemplateId", "640003"));
        for (String bad : List.of("status=SHINY", "quality=BLUE", "size=101", "size=0", "page=-1", "category=PROMO",
                "wabaId=abc", "organizationId=nope")) {
            Reply reply = api.get("/api/v1/templates?" + bad, tenant.viewer);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.contentType()).as(bad).isEqualTo("application/problem+json");
        }
        assertThat(api.get("/api/v1/alerts?state=SLEEPING", tenant.viewer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/templates/not-a-uuid", tenant.viewer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/templates/" + UUID.randomUUID(), tenant.viewer).status()).isEqualTo(404);
    }

    @Test
    void a_name_with_a_control_character_is_refused_with_a_400_not_stored() {
        Tenant tenant = new Tenant(api, root, "650001");
        for (String name : List.of("a\u0000b", "line\nbreak", "tab\there")) {
            Reply refused = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", name,
                    "templateId", tenant.templateId));
            assertThat(refused.status()).as(name).isEqualTo(400);
            assertThat(refused.text("detail")).contains("control characters");
        }
        assertThat(api.post("/api/v1/organizations", root, Map.of("name", "Nul\u0000Corp")).status()).isEqualTo(400);
        assertThat(items(api.get("/api/v1/campaigns?templateId=" + tenant.templateId, tenant.admin))).isEmpty();
    }
}
