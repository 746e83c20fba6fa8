package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/templates/{id}/unpause} and {@code /unarchive} against WireMock standing in for
 * the Graph API (meta-platform.md §1.4, §12): Meta is asked, and its acceptance applied as its own
 * APPROVED or UNARCHIVED event would be, releasing campaigns and resolving alerts (ADR 0012).
 */
@MicronautTest(transactional = false)
class TemplateRecoveryIT extends ApiTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("warden.meta.graph-url", GraphApi.url());
        properties.put("warden.meta.access-token", GraphApi.TOKEN);
        properties.put("warden.meta.graph.attempts", "2");
        properties.put("warden.meta.graph.backoff", "10ms");
        properties.put("warden.reconcile.enabled", "false");
        return properties;
    }

    private static String pacingPause(String waba, long at, String metaId) {
        return MetaWebhooks.envelope(waba, at, "message_template_status_update", """
                {"event":"PAUSED","message_template_id":%s,"message_template_name":"order_update",
                 "message_template_language":"en-US","reason":"NONE","message_template_category":"UTILITY",
                 "other_info":{"title":"RATE_LIMITING_PAUSE","description":"Paused during pacing"}}"""
                .formatted(metaId));
    }

    private void reported(AuthoringTenant tenant, String id, String envelope, String status) {
        tenant.webhook(envelope);
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).text("status"))
                .isEqualTo(status));
    }

    private static void metaUnpauseAnswers(String metaId, ResponseDefinitionBuilder answer) {
        GraphApi.server().stubFor(post(urlPathEqualTo(GraphApi.VERSION + "/" + metaId + "/unpause")).willReturn(answer));
    }

    private static int unpausesSent(String metaId) {
        return GraphApi.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId
                + "/unpause")).build()).getCount();
    }

    private static String unarchivePath(AuthoringTenant tenant) {
        return GraphApi.VERSION + "/" + tenant.waba + "/message_templates/unarchive";
    }

    private static int unarchivesSent(AuthoringTenant tenant) {
        return GraphApi.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(unarchivePath(tenant))).build())
                .getCount();
    }

    private Map<String, Object> campaign(AuthoringTenant tenant, String id) {
        return api.get("/api/v1/campaigns/" + id, tenant.viewer).body();
    }

    private List<Map<String, Object>> alerts(AuthoringTenant tenant, String templateId, String type) {
        return ReconciliationIT.items(api.get("/api/v1/alerts?templateId=" + templateId + "&type=" + type,
                tenant.viewer));
    }

    @Test
    void a_pause_during_pacing_is_lifted_at_meta_and_its_campaigns_run_again() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = TemplateEditsAtMetaIT.metaId();
        String id = tenant.fromMeta(metaId, "APPROVED");
        String running = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "Paced", "templateId", id))
                .text("id");
        api.post("/api/v1/campaigns/" + running + "/start", tenant.admin, Map.of());
        reported(tenant, id, pacingPause(tenant.waba, 2000, metaId), "PAUSED");
        assertThat(campaign(tenant, running)).containsEntry("status", "PAUSED");
        metaUnpauseAnswers(metaId, GraphApi.ok("{\"success\":true}"));

        Reply unpaused = api.post("/api/v1/templates/" + id + "/unpause", tenant.admin, Map.of());

        assertThat(unpaused.status()).as(unpaused.toString()).isEqualTo(200);
        assertThat(unpaused.body()).containsEntry("status", "APPROVED").containsEntry("sendable", true);
        GraphApi.server().verify(1, postRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId + "/unpause"))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN)));
        assertThat(campaign(tenant, running)).as("released as Meta's APPROVED event would")
                .containsEntry("status", "RUNNING");
        assertThat(alerts(tenant, id, "TEMPLATE_PAUSED")).isNotEmpty()
                .allSatisfy(alert -> assertThat(alert).containsEntry("state", "RESOLVED"));
        assertThat(ReconciliationIT.items(api.get("/api/v1/templates/" + id + "/status-history", tenant.viewer)))
                .anySatisfy(line -> assertThat(line).containsEntry("event", "UNPAUSE_REQUESTED")
                        .containsEntry("previous", "PAUSED"))
                .anySatisfy(line -> assertThat(line).containsEntry("previous", "PAUSED")
                        .containsEntry("current", "APPROVED").containsEntry("source", "USER"));
        assertThat(ReconciliationIT.items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + id, tenant.admin)))
                .anySatisfy(entry -> {
                    assertThat(entry).containsEntry("action", "TEMPLATE_UNPAUSED");
                    assertThat(String.valueOf(entry.get("before"))).contains("status=PAUSED");
                    assertThat(String.valueOf(entry.get("after"))).contains("status=APPROVED");
                });

        tenant.webhook(MetaWebhooks.status(tenant.waba, 3000, metaId, "APPROVED"));
        assertThat(api.post("/api/v1/templates/" + id + "/unpause", tenant.admin, Map.of()).status())
                .as("no longer paused").isEqualTo(409);
        assertThat(unpausesSent(metaId)).isEqualTo(1);
    }

    @Test
    void a_quality_pause_is_not_sent_to_meta_and_metas_refusal_or_absence_changes_nothing() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String qualityId = TemplateEditsAtMetaIT.metaId();
        String quality = tenant.fromMeta(qualityId, "APPROVED");
        reported(tenant, quality, MetaWebhooks.status(tenant.waba, 2000, qualityId, "PAUSED"), "PAUSED");

        Reply selfLifting = api.post("/api/v1/templates/" + quality + "/unpause", tenant.admin, Map.of());
        assertThat(selfLifting.status()).isEqualTo(409);
        assertThat(selfLifting.text("detail")).contains("lifts that pause itself", "RATE_LIMITING_PAUSE");
        assertThat(unpausesSent(qualityId)).isZero();

        String pacedId = TemplateEditsAtMetaIT.metaId();
        AuthoringTenant other = new AuthoringTenant(api, root);
        String paced = other.fromMeta(pacedId, "APPROVED");
        reported(other, paced, pacingPause(other.waba, 2000, pacedId), "PAUSED");
        metaUnpauseAnswers(pacedId, GraphApi.error(400, 100, "Template cannot be unpaused yet"));
        Reply refused = api.post("/api/v1/templates/" + paced + "/unpause", other.admin, Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("unpause template order_update", "cannot be unpaused yet");

        metaUnpauseAnswers(pacedId, GraphApi.ok("{\"success\":false,\"reason\":\"Wait 5 minutes after the pause\"}"));
        Reply notYet = api.post("/api/v1/templates/" + paced + "/unpause", other.admin, Map.of());
        assertThat(notYet.status()).isEqualTo(422);
        assertThat(notYet.text("detail")).contains("Wait 5 minutes after the pause");

        metaUnpauseAnswers(pacedId, WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(api.post("/api/v1/templates/" + paced + "/unpause", other.admin, Map.of()).status())
                .isEqualTo(503);
        assertThat(unpausesSent(pacedId)).as("a write is not sent twice").isEqualTo(3);
        assertThat(api.get("/api/v1/templates/" + paced, other.viewer).text("status")).isEqualTo("PAUSED");
        assertThat(ReconciliationIT.items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + paced, other.admin)))
                .noneSatisfy(entry -> assertThat(entry).containsEntry("action", "TEMPLATE_UNPAUSED"));
    }

    @Test
    void an_archived_template_is_unarchived_at_meta_into_its_status_before() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = TemplateEditsAtMetaIT.metaId();
        String id = tenant.fromMeta(metaId, "APPROVED");
        reported(tenant, id, MetaWebhooks.status(tenant.waba, 2000, metaId, "ARCHIVED"), "ARCHIVED");
        assertThat(alerts(tenant, id, "TEMPLATE_ARCHIVED")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("state", "OPEN"));
        GraphApi.server().stubFor(post(urlPathEqualTo(unarchivePath(tenant)))
                .willReturn(GraphApi.ok("{\"unarchived_templates\":[\"" + metaId + "\"],\"failed_templates\":{}}")));

        Reply unarchived = api.post("/api/v1/templates/" + id + "/unarchive", tenant.admin, Map.of());

        assertThat(unarchived.status()).as(unarchived.toString()).isEqualTo(200);
        assertThat(unarchived.body()).containsEntry("status", "APPROVED").containsEntry("sendable", true);
        GraphApi.server().verify(1, postRequestedFor(urlPathEqualTo(unarchivePath(tenant)))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN))
                .withRequestBody(equalToJson("{\"hsm_ids\":[\"" + metaId + "\"]}")));
        assertThat(alerts(tenant, id, "TEMPLATE_ARCHIVED")).singleElement()
                .satisfies(alert -> assertThat(alert).containsEntry("state", "RESOLVED"));
        assertThat(ReconciliationIT.items(api.get("/api/v1/templates/" + id + "/status-history", tenant.viewer)))
                .anySatisfy(line -> assertThat(line).containsEntry("event", "UNARCHIVE_REQUESTED"));
        assertThat(ReconciliationIT.items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + id, tenant.admin)))
                .anySatisfy(entry -> assertThat(entry).containsEntry("action", "TEMPLATE_UNARCHIVED"));
        assertThat(api.post("/api/v1/templates/" + id + "/unarchive", tenant.admin, Map.of()).status())
                .as("no longer archived").isEqualTo(409);
        assertThat(unarchivesSent(tenant)).isEqualTo(1);
    }

    @Test
    void metas_refusal_of_this_template_in_its_per_id_answer_is_told_and_changes_nothing() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = TemplateEditsAtMetaIT.metaId();
        String id = tenant.fromMeta(metaId, "APPROVED");
        reported(tenant, id, MetaWebhooks.status(tenant.waba, 2000, metaId, "ARCHIVED"), "ARCHIVED");
        GraphApi.server().stubFor(post(urlPathEqualTo(unarchivePath(tenant))).willReturn(GraphApi.ok(
                "{\"unarchived_templates\":[],\"failed_templates\":{\"" + metaId + "\":\"Template was deleted\"}}")));

        Reply refused = api.post("/api/v1/templates/" + id + "/unarchive", tenant.admin, Map.of());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("detail")).contains("unarchive template order_update", "Template was deleted");
        assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).text("status")).isEqualTo("ARCHIVED");

        GraphApi.server().stubFor(post(urlPathEqualTo(unarchivePath(tenant)))
                .willReturn(GraphApi.ok("{\"unarchived_templates\":[],\"failed_templates\":{}}")));
        assertThat(api.post("/api/v1/templates/" + id + "/unarchive", tenant.admin, Map.of()).status())
                .as("an answer that does not name it").isEqualTo(503);
        assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).text("status")).isEqualTo("ARCHIVED");
        String approved = tenant.fromMeta(TemplateEditsAtMetaIT.metaId(), "APPROVED");
        assertThat(api.post("/api/v1/templates/" + approved + "/unarchive", tenant.admin, Map.of()).text("detail"))
                .contains("not ARCHIVED");
        assertThat(unarchivesSent(tenant)).isEqualTo(2);
    }

    @Test
    void viewers_and_other_organisations_are_refused_and_meta_is_never_asked() {
        AuthoringTenant mine = new AuthoringTenant(api, root);
        AuthoringTenant theirs = new AuthoringTenant(api, root);
        String metaId = TemplateEditsAtMetaIT.metaId();
        String id = mine.fromMeta(metaId, "APPROVED");
        reported(mine, id, pacingPause(mine.waba, 2000, metaId), "PAUSED");

        for (String action : List.of("unpause", "unarchive")) {
            assertThat(api.post("/api/v1/templates/" + id + "/" + action, mine.viewer, Map.of()).status())
                    .as(action).isEqualTo(403);
            assertThat(api.post("/api/v1/templates/" + id + "/" + action, theirs.admin, Map.of()).status())
                    .as(action).isEqualTo(404);
            assertThat(api.post("/api/v1/templates/" + id + "/" + action + "?organizationId=" + mine.org,
                    theirs.admin, Map.of()).status()).as(action).isEqualTo(403);
            assertThat(api.post("/api/v1/templates/" + id + "/" + action, null, Map.of()).status()).isEqualTo(401);
        }
        assertThat(unpausesSent(metaId)).isZero();
        assertThat(unarchivesSent(mine)).isZero();
        assertThat(api.get("/api/v1/templates/" + id, mine.viewer).text("status")).isEqualTo("PAUSED");
    }

    @Test
    void any_id_or_organisation_is_answered_without_a_5xx() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = TemplateEditsAtMetaIT.metaId();
        String id = tenant.fromMeta(metaId, "APPROVED");
        qt().withExamples(100).forAll(strings().allPossible().ofLengthBetween(0, 40), integers().between(0, 3),
                        integers().between(0, 1))
                .checkAssert((text, shape, action) -> {
                    String target = shape == 0 ? id : URLEncoder.encode(text, StandardCharsets.UTF_8);
                    String organization = shape == 1 ? "" : "?organizationId="
                            + URLEncoder.encode(shape == 2 ? tenant.org : text, StandardCharsets.UTF_8);
                    String path = "/api/v1/templates/" + target + (action == 0 ? "/unpause" : "/unarchive")
                            + organization;
                    Reply reply = api.post(path, shape == 3 ? root : tenant.admin, Map.of());
                    assertThat(reply.status()).as(path + " -> " + reply).isBetween(400, 499);
                });
        assertThat(unpausesSent(metaId)).as("an APPROVED template is never unpaused").isZero();
    }
}
