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

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/templates/{id}/submit} against WireMock standing in for the Graph API: the
 * exact body Meta's create call takes (§5.2), Meta's answer recorded through the governance path,
 * Meta's refusals told to the caller with the draft left as it was.
 */
@MicronautTest(transactional = false)
class TemplateSubmissionIT extends ApiTest {

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

    private static String createPath(AuthoringTenant tenant) {
        return GraphApi.VERSION + "/" + tenant.waba + "/message_templates";
    }

    /** Meta accepts any template of the tenant's WABA with this answer. */
    private static void metaAnswers(AuthoringTenant tenant, String answer) {
        GraphApi.server().stubFor(post(urlPathEqualTo(createPath(tenant)))
                .withHeader("Authorization", equalTo("Bearer " + GraphApi.TOKEN)).willReturn(GraphApi.ok(answer)));
    }

    private Reply submit(String templateId, String token) {
        return api.post("/api/v1/templates/" + templateId + "/submit", token, Map.of());
    }

    @Test
    void a_submitted_draft_is_pending_with_metas_id_and_an_approval_webhook_approves_it() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("order_update");
        // Larger than 2^53: read as a double it would come back changed.
        metaAnswers(tenant, "{\"id\":\"1234567890123456789\",\"status\":\"PENDING\",\"category\":\"UTILITY\"}");

        Reply submitted = submit(draft, tenant.admin);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.body()).containsEntry("status", "PENDING")
                .containsEntry("metaTemplateId", "1234567890123456789").containsEntry("category", "UTILITY");
        GraphApi.server().verify(1, postRequestedFor(urlPathEqualTo(createPath(tenant)))
                .withHeader("Content-Type", equalTo("application/json")).withRequestBody(equalToJson("""
                {"name":"order_update","language":"en_US","category":"UTILITY","parameter_format":"NAMED",
                 "components":[
                  {"type":"HEADER","format":"TEXT","text":"Order {{order_id}}",
                   "example":{"header_text_named_params":[{"param_name":"order_id","example":"A-1"}]}},
                  {"type":"BODY","text":"Hi {{first_name}}, your order {{order_id}} left our shop today.",
                   "example":{"body_text_named_params":[{"param_name":"first_name","example":"Ana"},
                                                        {"param_name":"order_id","example":"A-1"}]}},
                  {"type":"FOOTER","text":"Acme shop"},
                  {"type":"BUTTONS","buttons":[
                   {"type":"URL","text":"Track","url":"https://acme.example/t/{{1}}",
                    "example":["https://acme.example/t/A-1"]},
                   {"type":"QUICK_REPLY","text":"Thanks"}]}]}""")));
        List<Map<String, Object>> history = ReconciliationIT.items(api.get("/api/v1/templates/" + draft
                + "/status-history", tenant.viewer));
        assertThat(history).anySatisfy(line -> assertThat(line).containsEntry("event", "SUBMITTED")
                .containsEntry("current", "1234567890123456789"));
        assertThat(history).anySatisfy(line -> assertThat(line).containsEntry("previous", "DRAFT")
                .containsEntry("current", "PENDING"));
        assertThat(ReconciliationIT.items(api.get("/api/v1/audit-log?resource=TEMPLATE:" + draft, tenant.admin)))
                .anySatisfy(entry -> assertThat(entry).containsEntry("action", "TEMPLATE_SUBMITTED")
                        .containsEntry("after", Map.of("name", "order_update", "language", "en_US",
                                "category", "UTILITY", "status", "PENDING", "version", "v1")));

        tenant.webhook(MetaWebhooks.status(tenant.waba, Instant.now().getEpochSecond() + 1, "1234567890123456789",
                "APPROVED"));

        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + draft, tenant.viewer).body())
                .containsEntry("status", "APPROVED").containsEntry("sendable", true));
        assertThat(submit(draft, tenant.admin).status()).as("only a draft is submitted").isEqualTo(409);
    }

    @Test
    void positional_examples_go_as_an_array_of_arrays_and_a_category_meta_changed_is_a_category_change() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        Reply created = api.post("/api/v1/templates", tenant.admin, Map.of("name", "spring_sale", "language", "en_US",
                "category", "UTILITY", "components", List.of(Map.of("type", "BODY",
                        "text", "Hi {{1}}, {{2}} is ready for you today.", "examples", Map.of("1", "Ana", "2", "Your order")))));
        String draft = created.text("id");
        metaAnswers(tenant, "{\"id\":\"880001\",\"status\":\"PENDING\",\"category\":\"MARKETING\"}");

        Reply submitted = submit(draft, tenant.admin);

        assertThat(submitted.body()).containsEntry("status", "PENDING").containsEntry("category", "MARKETING");
        GraphApi.server().verify(postRequestedFor(urlPathEqualTo(createPath(tenant))).withRequestBody(equalToJson("""
                {"name":"spring_sale","language":"en_US","category":"UTILITY","parameter_format":"POSITIONAL",
                 "components":[{"type":"BODY","text":"Hi {{1}}, {{2}} is ready for you today.",
                                "example":{"body_text":[["Ana","Your order"]]}}]}""")));
        assertThat(ReconciliationIT.items(api.get("/api/v1/templates/category-changes", tenant.viewer)))
                .anySatisfy(change -> assertThat(change.toString()).contains(draft).contains("UTILITY")
                        .contains("MARKETING"));
    }

    @Test
    void metas_refusal_names_its_rule_and_leaves_the_draft_unchanged() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("taken_name");
        GraphApi.server().stubFor(post(urlPathEqualTo(createPath(tenant))).willReturn(WireMock.aResponse()
                .withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,
                 "error_subcode":2388023,"error_user_title":"Message template already exists",
                 "fbtrace_id":"AbCd"}}""")));

        Reply refused = submit(draft, tenant.admin);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("already exists").contains("2388023")
                .doesNotContain(GraphApi.TOKEN);
        Map<String, Object> unchanged = api.get("/api/v1/templates/" + draft, tenant.viewer).body();
        assertThat(unchanged).containsEntry("status", "DRAFT");
        assertThat(unchanged.get("metaTemplateId")).isNull();
    }

    @Test
    void an_answer_lost_after_meta_accepted_is_healed_by_the_next_sync_matching_the_draft_by_name_and_language() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("lost_answer");
        GraphApi.server().stubFor(post(urlPathEqualTo(createPath(tenant)))
                .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Reply lost = submit(draft, tenant.admin);

        assertThat(lost.status()).isEqualTo(503);
        assertThat(api.get("/api/v1/templates/" + draft, tenant.viewer).text("status")).isEqualTo("DRAFT");
        assertThat(GraphApi.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(createPath(tenant))).build())
                .getCount()).as("a write Meta may have received is not sent twice").isEqualTo(1);
        // Meta did create it.
        GraphApi.stubPage(tenant.waba, null, GraphApi.page(tenant.waba, null,
                GraphApi.template("890001", "lost_answer", "PENDING", "UTILITY", "UNKNOWN")));

        Reply sync = api.post("/api/v1/whatsapp-accounts/" + tenant.waba + "/sync", tenant.admin, Map.of());
        assertThat(sync.status()).isEqualTo(202);
        Eventually.holds(() -> assertThat(api.get("/api/v1/sync-jobs/" + sync.text("id"), tenant.viewer).text("status"))
                .isEqualTo("COMPLETED"));

        assertThat(api.get("/api/v1/templates/" + draft, tenant.viewer).body()).containsEntry("status", "PENDING")
                .containsEntry("metaTemplateId", "890001");
        assertThat(ReconciliationIT.items(api.get("/api/v1/templates?wabaId=" + tenant.waba, tenant.viewer)))
                .as("matched, not imported a second time").hasSize(1);
    }

    @Test
    void viewers_are_refused_and_another_organisations_draft_is_not_found() {
        AuthoringTenant mine = new AuthoringTenant(api, root);
        AuthoringTenant theirs = new AuthoringTenant(api, root);
        String draft = mine.draft("not_yours");

        assertThat(submit(draft, mine.viewer).status()).isEqualTo(403);
        assertThat(submit(draft, theirs.admin).status()).isEqualTo(404);
        assertThat(submit(UUID.randomUUID().toString(), mine.admin).status()).isEqualTo(404);
        assertThat(GraphApi.server().countRequestsMatching(postRequestedFor(urlPathEqualTo(createPath(mine))).build())
                .getCount()).as("Meta was never asked").isZero();
        assertThat(api.get("/api/v1/templates/" + draft, mine.viewer).body()).containsEntry("status", "DRAFT");
    }

    @Test
    void any_id_or_organisation_is_answered_without_a_5xx() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("fuzzed_submit");
        qt().withExamples(150).forAll(strings().allPossible().ofLengthBetween(0, 40), integers().between(0, 3))
                .checkAssert((text, shape) -> {
                    String id = shape == 0 ? draft : URLEncoder.encode(text, StandardCharsets.UTF_8);
                    String organization = shape == 1 ? "" : "?organizationId="
                            + URLEncoder.encode(shape == 2 ? tenant.org : text, StandardCharsets.UTF_8);
                    Reply reply = api.post("/api/v1/templates/" + id + "/submit" + organization,
                            shape == 3 ? root : tenant.viewer, Map.of());
                    assertThat(reply.status()).as(id + organization + " -> " + reply).isBetween(400, 499);
                });
    }
}
