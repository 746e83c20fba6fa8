package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writing templates over HTTP: a DRAFT created with Meta's rules checked and every fault pointed at
 * its field, parameters detected and validated, a preview refusing wrong values, edits within Meta's
 * limits, and deletion of what Meta never saw; each within the caller's organisation and role.
 */
@MicronautTest(transactional = false)
class TemplateAuthoringApiIT extends ApiTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Reply reply, String field) {
        return (List<Map<String, Object>>) reply.body().get(field);
    }

    private static List<String> fieldErrors(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        return list(reply, "fieldErrors").stream().map(e -> e.get("field") + " " + e.get("rule")).toList();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    @Test
    void an_admin_creates_a_draft_that_answers_201_with_its_location_and_version_1() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);

        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(HttpRequest.POST("/api/v1/templates",
                AuthoringTenant.orderUpdate("welcome_offer")).bearerAuth(tenant.admin),
                Argument.mapOf(String.class, Object.class));

        assertThat(created.code()).isEqualTo(201);
        Map<String, Object> body = created.body();
        assertThat(body).containsEntry("status", "DRAFT").containsEntry("name", "welcome_offer")
                .containsEntry("language", "en_US").containsEntry("category", "UTILITY")
                .containsEntry("wabaId", tenant.waba).containsEntry("currentVersion", 1)
                .containsEntry("organizationId", tenant.org);
        assertThat(created.header("Location")).isEqualTo("/api/v1/templates/" + body.get("id"));
        Reply v1 = api.get("/api/v1/templates/" + body.get("id") + "/versions/1", tenant.viewer);
        assertThat(v1.body()).containsEntry("number", 1).containsEntry("parameterFormat", "NAMED");
        assertThat(list(v1, "components")).extracting(c -> c.get("type"))
                .containsExactly("HEADER", "BODY", "FOOTER", "BUTTONS");
    }

    @Test
    void content_meta_would_reject_is_a_400_naming_each_component_field_and_rule() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        Map<String, Object> body = Map.of("name", "bad_one", "language", "en_US", "category", "MARKETING",
                "components", List.of(
                        Map.of("type", "HEADER", "text", "h".repeat(61)),
                        Map.of("type", "BODY", "text", "{{1}} is your code for the shop today and {{3}}"),
                        Map.of("type", "FOOTER", "text", "Sent by {{1}}"),
                        Map.of("type", "BUTTONS", "buttons", List.of(
                                Map.of("type", "URL", "text", "Open", "url", "https://a.example/{{1}}/x"),
                                Map.of("type", "PHONE_NUMBER", "text", "Call us")))));

        Reply refused = api.post("/api/v1/templates", tenant.admin, body);

        assertThat(fieldErrors(refused)).contains("components[0].text TOO_LONG",
                "components[1].text VARIABLE_AT_START", "components[1].text VARIABLE_AT_END",
                "components[1].text NOT_SEQUENTIAL", "components[1].examples MISSING_EXAMPLE",
                "components[2].text TOO_MANY_VARIABLES_IN_COMPONENT", "components[3].buttons[0].url URL_VARIABLE",
                "components[3].buttons[1].phoneNumber INVALID_PHONE");
        assertThat(list(refused, "fieldErrors")).filteredOn(e -> "VARIABLE_AT_START".equals(e.get("rule")))
                .singleElement().satisfies(e -> assertThat(e.get("message").toString())
                        .isEqualTo("the body must not start with a variable"));
    }

    @Test
    void a_malformed_body_is_a_400_naming_every_field_at_once() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);

        assertThat(fieldErrors(api.post("/api/v1/templates", tenant.admin, Map.of("name", "Not Valid",
                "language", 5, "category", "PROMO", "parameterFormat", "BOTH", "components", List.of(
                        Map.of("type", "BODY", "text", "Hello there, welcome."), Map.of("type", "BODY", "text", "x"),
                        Map.of("type", "CAROUSEL"), "text"))))).containsExactlyInAnyOrder("name INVALID_VALUE",
                "language WRONG_TYPE", "category INVALID_VALUE", "parameterFormat INVALID_VALUE",
                "components[1].type DUPLICATE_COMPONENT", "components[2].type INVALID_VALUE",
                "components[3] WRONG_TYPE");
        assertThat(fieldErrors(api.post("/api/v1/templates", tenant.admin, Map.of("components", List.of(
                Map.of("type", "FOOTER", "text", "only a footer"))))))
                .containsExactlyInAnyOrder("name REQUIRED", "language REQUIRED", "category REQUIRED",
                        "components MISSING_BODY");
        assertThat(api.postRaw("/api/v1/templates", tenant.admin, "[1, 2]").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/v1/templates", tenant.admin, "{\"name\":").status()).isEqualTo(400);
    }

    @Test
    void a_name_and_language_taken_in_the_waba_is_a_409_but_another_language_is_not() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String first = tenant.draft("shipping_note");

        Reply taken = api.post("/api/v1/templates", tenant.admin, AuthoringTenant.orderUpdate("shipping_note"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("detail")).contains("shipping_note", "en_US", first);
        assertThat(api.post("/api/v1/templates", tenant.admin, with(AuthoringTenant.orderUpdate("shipping_note"),
                "language", "pt_BR")).status()).isEqualTo(201);
        tenant.fromMeta("710001", "APPROVED");
        assertThat(api.post("/api/v1/templates", tenant.admin, AuthoringTenant.orderUpdate("order_update"))
                .status()).as("the name of a template Meta reported").isEqualTo(409);
    }

    @Test
    void only_admins_write_and_only_in_their_organisation() {
        AuthoringTenant mine = new AuthoringTenant(api, root);
        AuthoringTenant theirs = new AuthoringTenant(api, root);
        Map<String, Object> body = AuthoringTenant.orderUpdate("roles_check");

        assertThat(api.post("/api/v1/templates", mine.viewer, body).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/templates", null, body).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/templates", mine.admin, with(body, "wabaId", theirs.waba)).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/templates?organizationId=" + theirs.org, mine.admin, body).status())
                .isEqualTo(403);
        Reply bySuperAdmin = api.post("/api/v1/templates", root, with(body, "wabaId", theirs.waba));
        assertThat(bySuperAdmin.status()).isEqualTo(201);
        assertThat(bySuperAdmin.text("organizationId")).isEqualTo(theirs.org);

        String draft = theirs.draft("their_draft");
        for (Reply reply : List.of(api.put("/api/v1/templates/" + draft, mine.admin, body),
                api.delete("/api/v1/templates/" + draft, mine.admin),
                api.post("/api/v1/templates/" + draft + "/preview", mine.viewer, Map.of()))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        }
        assertThat(api.put("/api/v1/templates/" + draft, theirs.viewer, body).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/templates/" + draft, theirs.viewer).status()).isEqualTo(403);
    }

    @Test
    void detects_and_validates_the_variables_of_a_text() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);

        Reply detected = api.post("/api/v1/templates/parameters/detect", tenant.viewer,
                Map.of("text", "Hi {{first_name}}, order {{order_id}} ships {{first_name}}"));
        assertThat(detected.body()).containsEntry("format", "NAMED")
                .containsEntry("parameters", List.of("first_name", "order_id"));
        assertThat(list(detected, "placeholders")).hasSize(3).first().satisfies(p ->
                assertThat(p).containsEntry("name", "first_name").containsEntry("start", 3).containsEntry("end", 17));
        assertThat(list(detected, "issues")).extracting(i -> i.get("rule") + " " + i.get("parameter"))
                .containsExactly("VARIABLE_AT_END first_name", "TOO_MANY_VARIABLES null");
        assertThat(api.post("/api/v1/templates/parameters/detect", tenant.viewer,
                Map.of("text", "Hi {{1}} and {{name}}")).body()).containsEntry("format", null);

        Reply valid = api.post("/api/v1/templates/parameters/validate", tenant.viewer, Map.of("text",
                "Hello {{1}}, your code {{2}} works today.", "examples", Map.of("1", "Ana", "2", "X1")));
        assertThat(valid.body()).containsEntry("valid", true).containsEntry("format", "POSITIONAL");
        Reply invalid = api.post("/api/v1/templates/parameters/validate", tenant.viewer, Map.of("text",
                "Hello {{1}}", "parameterFormat", "NAMED", "component", "header", "examples", Map.of("2", "x")));
        assertThat(invalid.body()).containsEntry("valid", false);
        assertThat(list(invalid, "issues")).extracting(i -> i.get("rule") + " " + i.get("parameter"))
                .containsExactlyInAnyOrder("WRONG_FORMAT null", "MISSING_EXAMPLE 1", "UNUSED_EXAMPLE 2");
        assertThat(fieldErrors(api.post("/api/v1/templates/parameters/validate", tenant.viewer,
                Map.of("text", 3, "component", "SIDEBAR", "examples", List.of()))))
                .containsExactlyInAnyOrder("text WRONG_TYPE", "component INVALID_VALUE", "examples WRONG_TYPE");
        assertThat(api.post("/api/v1/templates/parameters/detect", null, Map.of("text", "x")).status()).isEqualTo(401);
    }

    @Test
    void a_preview_renders_every_component_and_names_each_missing_extra_or_ill_typed_value() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("preview_me");

        Reply rendered = api.post("/api/v1/templates/" + draft + "/preview", tenant.viewer, Map.of(
                "header", Map.of("order_id", "B-7"), "body", Map.of("first_name", "Rui", "order_id", "B-7"),
                "buttons", Map.of("0", "B-7")));

        assertThat(rendered.status()).as(rendered.toString()).isEqualTo(200);
        assertThat(list(rendered, "components")).extracting(c -> c.get("type") + ": " + c.get("text")).containsExactly(
                "HEADER: Order B-7", "BODY: Hi Rui, your order B-7 left our shop today.", "FOOTER: Acme shop",
                "BUTTONS: null");
        assertThat(list(rendered, "components").get(3).toString()).contains("https://acme.example/t/B-7");

        assertThat(fieldErrors(api.post("/api/v1/templates/" + draft + "/preview", tenant.viewer, Map.of(
                "body", Map.of("first_name", 42, "coupon", "X", "order_id", "line\nbreak")))))
                .containsExactlyInAnyOrder("body.first_name WRONG_TYPE");
        assertThat(fieldErrors(api.post("/api/v1/templates/" + draft + "/preview", tenant.viewer, Map.of(
                "body", Map.of("coupon", "X", "order_id", "line\nbreak"), "buttons", Map.of("3", "x")))))
                .containsExactlyInAnyOrder("header.order_id MISSING_VALUE", "body.first_name MISSING_VALUE",
                        "body.coupon UNKNOWN_PARAMETER", "body.order_id FORBIDDEN_CHARACTERS",
                        "buttons[0].1 MISSING_VALUE", "buttons[3].3 NO_SUCH_BUTTON");
    }

    @Test
    void an_edit_is_a_new_version_within_metas_status_rules_and_limits() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("edit_me");
        Map<String, Object> edited = with(AuthoringTenant.orderUpdate("edit_me"), "category", "MARKETING");

        Reply v2 = api.put("/api/v1/templates/" + draft, tenant.admin, with(edited, "note", "now marketing"));
        assertThat(v2.body()).containsEntry("number", 2).containsEntry("category", "MARKETING")
                .containsEntry("note", "now marketing");
        assertThat(fieldErrors(api.put("/api/v1/templates/" + draft, tenant.admin,
                with(edited, "name", "renamed")))).containsExactly("name NOT_EDITABLE");

        String approved = tenant.fromMeta("720001", "APPROVED");
        Map<String, Object> content = with(AuthoringTenant.orderUpdate("order_update"), "category", "UTILITY");
        assertThat(api.put("/api/v1/templates/" + approved, tenant.admin, with(content, "category", "MARKETING"))
                .text("detail")).contains("category of an APPROVED template cannot be changed");
        // Without an access token an edit of a template Meta knows is refused, not kept in Warden alone
        // (TemplateEditsAtMetaIT edits at Meta).
        Reply noToken = api.put("/api/v1/templates/" + approved, tenant.admin, content);
        assertThat(noToken.status()).isEqualTo(409);
        assertThat(noToken.text("detail")).contains("WARDEN_META_ACCESS_TOKEN", "edit templates Meta knows");
        assertThat(api.get("/api/v1/templates/" + approved, tenant.viewer).body()).containsEntry("currentVersion", 0)
                .containsEntry("status", "APPROVED");

        String disabled = tenant.fromMeta("720002", "DISABLED");
        Reply refused = api.put("/api/v1/templates/" + disabled, tenant.admin, content);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("DISABLED", "only DRAFT, APPROVED, REJECTED and PAUSED");
    }

    @Test
    void a_draft_is_deleted_but_what_meta_knows_without_a_token_or_a_campaign_uses_is_refused_with_the_reason() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String draft = tenant.draft("delete_me");
        String used = tenant.draft("used_one");
        String known = tenant.fromMeta("730001", "APPROVED");
        api.post("/api/v1/campaigns", tenant.admin, Map.of("name", "Uses it", "templateId", used));

        api.put("/api/v1/templates/" + draft, tenant.admin, with(AuthoringTenant.orderUpdate("delete_me"), "category",
                "MARKETING"));
        assertThat(api.delete("/api/v1/templates/" + draft, tenant.admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/templates/" + draft, tenant.viewer).status()).isEqualTo(404);
        assertThat(list(api.get("/api/v1/audit-log?resource=TEMPLATE:" + draft, tenant.admin), "items"))
                .extracting(e -> e.get("action")).containsExactly("TEMPLATE_DELETED", "TEMPLATE_EDITED",
                        "TEMPLATE_CREATED");
        assertThat(api.get("/api/v1/templates/" + draft + "/versions", tenant.viewer).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/templates", tenant.admin, AuthoringTenant.orderUpdate("delete_me")).status())
                .as("the name is free again").isEqualTo(201);

        Reply metaKnows = api.delete("/api/v1/templates/" + known, tenant.admin);
        assertThat(metaKnows.status()).isEqualTo(409);
        assertThat(metaKnows.text("detail")).contains("WARDEN_META_ACCESS_TOKEN", "delete templates Meta knows",
                "APPROVED");
        assertThat(api.get("/api/v1/templates/" + known, tenant.viewer).text("status")).isEqualTo("APPROVED");
        Reply inUse = api.delete("/api/v1/templates/" + used, tenant.admin);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("detail")).contains("1 campaign(s) use it");
        assertThat(api.get("/api/v1/templates/" + used, tenant.viewer).status()).isEqualTo(200);
    }
}
