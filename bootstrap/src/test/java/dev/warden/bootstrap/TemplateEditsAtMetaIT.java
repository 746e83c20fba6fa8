package dev.warden.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Edits, rollbacks and deletions of templates Meta knows, against WireMock standing in for the Graph
 * API (§5.3, §5.4): Meta is asked first, and only what Meta accepted is stored, with the status it
 * means applied as Meta's own report would be (ADR 0012).
 */
@MicronautTest(transactional = false)
class TemplateEditsAtMetaIT extends ApiTest {

    private static final String NEW_BODY = "Hi {{first_name}}, your order {{order_id}} is on its way to you now.";

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

    static String metaId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
    }

    /** A draft submitted to Meta (answered PENDING under {@code metaId}), then given {@code status} by webhook. */
    private String synced(AuthoringTenant tenant, String name, String metaId, String status, long at) {
        String draft = tenant.draft(name);
        GraphApi.server().stubFor(post(urlPathEqualTo(GraphApi.VERSION + "/" + tenant.waba + "/message_templates"))
                .willReturn(GraphApi.ok("{\"id\":\"" + metaId + "\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}")));
        assertThat(api.post("/api/v1/templates/" + draft + "/submit", tenant.admin, Map.of()).status()).isEqualTo(200);
        webhook(tenant, draft, metaId, status, at);
        return draft;
    }

    private void webhook(AuthoringTenant tenant, String id, String metaId, String status, long at) {
        tenant.webhook(MetaWebhooks.status(tenant.waba, at, metaId, status));
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).text("status"))
                .isEqualTo(status));
    }

    private static void metaEditAnswers(String metaId, ResponseDefinitionBuilder answer) {
        GraphApi.server().stubFor(post(urlPathEqualTo(GraphApi.VERSION + "/" + metaId)).willReturn(answer));
    }

    private static int editsSent(String metaId) {
        return GraphApi.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId))
                .build()).getCount();
    }

    private static Map<String, Object> edit(String body) {
        Map<String, Object> edit = new HashMap<>(AuthoringTenant.orderUpdate("ignored"));
        edit.remove("name");
        edit.remove("language");
        edit.put("components", List.of(Map.of("type", "BODY", "text", body,
                "examples", Map.of("first_name", "Ana", "order_id", "A-1"))));
        return edit;
    }

    private Map<String, Object> template(AuthoringTenant tenant, String id) {
        return api.get("/api/v1/templates/" + id, tenant.viewer).body();
    }

    private List<Object> auditActions(AuthoringTenant tenant, String id) {
        return ReconciliationIT.items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + id, tenant.admin)).stream()
                .map(entry -> entry.get("action")).toList();
    }

    @Test
    void an_approved_templates_edit_reaches_meta_and_the_template_is_pending_with_a_new_version() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = metaId();
        long approvedAt = Instant.now().getEpochSecond() + 1;
        String id = synced(tenant, "edited_at_meta", metaId, "APPROVED", approvedAt);
        String campaign = api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "Uses it", "templateId", id))
                .text("id");
        assertThat(api.post("/api/v1/campaigns/" + campaign + "/start", tenant.admin, Map.of()).text("status"))
                .isEqualTo("RUNNING");
        metaEditAnswers(metaId, GraphApi.ok("{\"success\":true}"));

        Reply edited = api.put("/api/v1/templates/" + id, tenant.admin, edit(NEW_BODY));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body()).containsEntry("number", 2);
        GraphApi.server().verify(1, postRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN))
                .withRequestBody(equalToJson("""
                        {"parameter_format":"NAMED","components":[{"type":"BODY","text":"%s",
                         "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},
                                                              {"param_name":"order_id","example":"A-1"}]}}]}"""
                        .formatted(NEW_BODY))));
        assertThat(template(tenant, id)).containsEntry("status", "PENDING").containsEntry("currentVersion", 2)
                .containsEntry("sendable", false);
        List<Map<String, Object>> history = ReconciliationIT.items(api.get("/api/v1/templates/" + id
                + "/status-history", tenant.viewer));
        assertThat(history).anySatisfy(line -> assertThat(line).containsEntry("previous", "APPROVED")
                .containsEntry("current", "PENDING").containsEntry("source", "USER"));
        assertThat(api.get("/api/v1/campaigns/" + campaign, tenant.viewer).body()).as("held as a webhook would")
                .containsEntry("status", "PAUSED").containsEntry("pauseReason", "TEMPLATE_PENDING");
        assertThat(ReconciliationIT.items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + id, tenant.admin)))
                .anySatisfy(entry -> assertThat(entry).containsEntry("action", "TEMPLATE_EDITED")
                        .containsEntry("after", Map.of("name", "edited_at_meta", "language", "en_US",
                                "category", "UTILITY", "status", "PENDING", "version", "v2")));

        // Meta approves the edit; a second edit the same day is Meta's limit, refused without asking Meta.
        webhook(tenant, id, metaId, "APPROVED", approvedAt + 5);
        Reply secondToday = api.put("/api/v1/templates/" + id, tenant.admin,
                edit("Hi {{first_name}}, order {{order_id}} will reach you tomorrow."));
        assertThat(secondToday.status()).isEqualTo(409);
        assertThat(secondToday.text("detail")).contains("1 edit per 24 hours");
        Reply rollback = api.post("/api/v1/templates/" + id + "/versions/1/rollback", tenant.admin, Map.of());
        assertThat(rollback.status()).isEqualTo(409);
        assertThat(rollback.text("detail")).contains("1 edit per 24 hours");
        assertThat(editsSent(metaId)).isEqualTo(1);
        assertThat(template(tenant, id)).containsEntry("currentVersion", 2).containsEntry("status", "APPROVED");
    }

    @Test
    void metas_refusal_names_its_rule_and_nothing_is_stored() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = metaId();
        String id = synced(tenant, "refused_edit", metaId, "APPROVED", Instant.now().getEpochSecond() + 1);
        metaEditAnswers(metaId, WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("""
                        {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
                         "error_subcode":2388072,"error_user_title":"Invalid body","fbtrace_id":"AbCd"}}"""));

        Reply refused = api.put("/api/v1/templates/" + id, tenant.admin, edit(NEW_BODY));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("the body's format is not accepted", "2388072")
                .doesNotContain(GraphApi.TOKEN);
        assertThat(template(tenant, id)).containsEntry("status", "APPROVED").containsEntry("currentVersion", 1);
        assertThat(ReconciliationIT.items(api.get("/api/v1/templates/" + id + "/versions", tenant.viewer)))
                .hasSize(1);
        assertThat(auditActions(tenant, id)).doesNotContain("TEMPLATE_EDITED");
        Reply again = api.put("/api/v1/templates/" + id, tenant.admin, edit(NEW_BODY));
        assertThat(again.status()).as("a refused edit does not count against Meta's limit").isEqualTo(422);
    }

    @Test
    void an_edit_meta_could_not_be_asked_about_stores_nothing_and_is_not_sent_twice() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = metaId();
        String id = synced(tenant, "unreached_edit", metaId, "APPROVED", Instant.now().getEpochSecond() + 1);
        metaEditAnswers(metaId, WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Reply down = api.put("/api/v1/templates/" + id, tenant.admin, edit(NEW_BODY));

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(editsSent(metaId)).as("Meta may have received it").isEqualTo(1);
        assertThat(template(tenant, id)).containsEntry("status", "APPROVED").containsEntry("currentVersion", 1);

        metaEditAnswers(metaId, GraphApi.error(500, 2, "Service temporarily unavailable"));
        assertThat(api.put("/api/v1/templates/" + id, tenant.admin, edit(NEW_BODY)).status()).isEqualTo(503);
        assertThat(template(tenant, id)).containsEntry("currentVersion", 1);
    }

    @Test
    void a_rejected_template_may_change_category_and_a_rollback_goes_to_meta_as_an_edit() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = metaId();
        long rejectedAt = Instant.now().getEpochSecond() + 1;
        String id = synced(tenant, "rejected_one", metaId, "REJECTED", rejectedAt);
        metaEditAnswers(metaId, GraphApi.ok("{\"success\":true}"));
        Map<String, Object> marketing = edit(NEW_BODY);
        marketing.put("category", "MARKETING");

        assertThat(api.put("/api/v1/templates/" + id, tenant.admin, marketing).body()).containsEntry("number", 2)
                .containsEntry("category", "MARKETING");
        GraphApi.server().verify(postRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId))
                .withRequestBody(equalToJson("{\"category\":\"MARKETING\"}", true, true)));
        assertThat(template(tenant, id)).containsEntry("status", "PENDING").containsEntry("category", "MARKETING");

        // Meta's rejection names the category it holds (the stand-in's webhooks say UTILITY).
        webhook(tenant, id, metaId, "REJECTED", rejectedAt + 5);
        Reply rolledBack = api.post("/api/v1/templates/" + id + "/versions/1/rollback", tenant.admin, Map.of());

        assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
        assertThat(rolledBack.body()).containsEntry("number", 3).containsEntry("category", "UTILITY");
        assertThat(editsSent(metaId)).isEqualTo(2);
        GraphApi.server().verify(postRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/" + metaId))
                .withRequestBody(equalToJson("""
                        {"components":[{"type":"HEADER","format":"TEXT","text":"Order {{order_id}}"}]}""",
                        true, true)));
        assertThat(template(tenant, id)).containsEntry("status", "PENDING").containsEntry("currentVersion", 3);
        assertThat(auditActions(tenant, id)).contains("TEMPLATE_ROLLED_BACK", "TEMPLATE_EDITED");
    }

    @Test
    void a_template_meta_knows_is_deleted_at_meta_by_id_and_name_and_then_shown_deleted() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String metaId = metaId();
        String id = synced(tenant, "delete_at_meta", metaId, "APPROVED", Instant.now().getEpochSecond() + 1);
        String deletePath = GraphApi.VERSION + "/" + tenant.waba + "/message_templates";
        GraphApi.server().stubFor(delete(urlPathEqualTo(deletePath)).withQueryParam("hsm_id", equalTo(metaId))
                .withQueryParam("name", equalTo("delete_at_meta")).willReturn(GraphApi.ok("{\"success\":true}")));

        Reply deleted = api.delete("/api/v1/templates/" + id, tenant.admin);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        GraphApi.server().verify(1, deleteRequestedFor(urlPathEqualTo(deletePath))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN)));
        assertThat(template(tenant, id)).containsEntry("status", "DELETED");
        assertThat(ReconciliationIT.items(api.get("/api/v1/templates/" + id + "/status-history", tenant.viewer)))
                .anySatisfy(line -> assertThat(line).containsEntry("event", "DELETE_REQUESTED"))
                .anySatisfy(line -> assertThat(line).containsEntry("current", "DELETED")
                        .containsEntry("source", "USER"));
        assertThat(auditActions(tenant, id)).contains("TEMPLATE_DELETED");
        assertThat(api.delete("/api/v1/templates/" + id, tenant.admin).status()).as("already deleted").isEqualTo(409);
    }

    @Test
    void a_disabled_template_or_one_an_open_campaign_uses_is_not_deleted_and_metas_refusal_changes_nothing() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String disabled = synced(tenant, "disabled_one", metaId(), "DISABLED", Instant.now().getEpochSecond() + 1);
        String usedMetaId = metaId();
        String used = synced(tenant, "used_one", usedMetaId, "APPROVED", Instant.now().getEpochSecond() + 1);
        api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "Uses it", "templateId", used));
        int before = GraphApi.server().countRequestsMatching(anyRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/"
                + tenant.waba + "/message_templates")).build()).getCount();

        Reply refusedDisabled = api.delete("/api/v1/templates/" + disabled, tenant.admin);
        assertThat(refusedDisabled.status()).isEqualTo(409);
        assertThat(refusedDisabled.text("detail")).contains("Meta does not delete DISABLED templates");
        Reply refusedUsed = api.delete("/api/v1/templates/" + used, tenant.admin);
        assertThat(refusedUsed.status()).isEqualTo(409);
        assertThat(refusedUsed.text("detail")).contains("1 not finished campaign(s) use it");
        assertThat(GraphApi.server().countRequestsMatching(anyRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/"
                + tenant.waba + "/message_templates")).build()).getCount()).as("Meta was not asked").isEqualTo(before);

        String metaId = metaId();
        String kept = synced(tenant, "meta_keeps_it", metaId, "APPROVED", Instant.now().getEpochSecond() + 1);
        GraphApi.server().stubFor(delete(urlPathEqualTo(GraphApi.VERSION + "/" + tenant.waba + "/message_templates"))
                .withQueryParam("hsm_id", equalTo(metaId)).willReturn(GraphApi.error(400, 100, "Invalid parameter")));
        Reply refusedByMeta = api.delete("/api/v1/templates/" + kept, tenant.admin);
        assertThat(refusedByMeta.status()).isEqualTo(422);
        assertThat(refusedByMeta.text("detail")).contains("delete template meta_keeps_it", "code 100");
        assertThat(template(tenant, kept)).containsEntry("status", "APPROVED");
        assertThat(auditActions(tenant, kept)).doesNotContain("TEMPLATE_DELETED");
    }

    @Test
    void viewers_and_other_organisations_cannot_edit_or_delete_and_meta_is_never_asked() {
        AuthoringTenant mine = new AuthoringTenant(api, root);
        AuthoringTenant theirs = new AuthoringTenant(api, root);
        String metaId = metaId();
        String id = synced(mine, "guarded_one", metaId, "APPROVED", Instant.now().getEpochSecond() + 1);

        assertThat(api.put("/api/v1/templates/" + id, mine.viewer, edit(NEW_BODY)).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/templates/" + id, theirs.admin, edit(NEW_BODY)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/templates/" + id + "/versions/1/rollback", theirs.admin, Map.of()).status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/templates/" + id, mine.viewer).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/templates/" + id, theirs.admin).status()).isEqualTo(404);
        assertThat(editsSent(metaId)).isZero();
        assertThat(GraphApi.server().countRequestsMatching(deleteRequestedFor(urlPathEqualTo(GraphApi.VERSION + "/"
                + mine.waba + "/message_templates")).build()).getCount()).isZero();
        assertThat(template(mine, id)).containsEntry("status", "APPROVED").containsEntry("currentVersion", 1);
    }
}
