package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A template's versions over HTTP: listed newest first in pages, fetched one by one, compared field
 * by field, and rolled back as a new version, refused where Meta's edit limits forbid it.
 */
@MicronautTest(transactional = false)
class TemplateVersionsApiIT extends ApiTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static Map<String, Object> withBody(String text) {
        Map<String, Object> body = new HashMap<>(AuthoringTenant.orderUpdate("versioned"));
        body.put("components", List.of(
                Map.of("type", "BODY", "text", text, "examples", Map.of("first_name", "Ana")),
                Map.of("type", "BUTTONS", "buttons", List.of(Map.of("type", "QUICK_REPLY", "text", "Stop")))));
        return body;
    }

    @Test
    void versions_list_newest_first_in_pages_and_each_can_be_fetched() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String id = tenant.draft("versioned");
        api.put("/api/v1/templates/" + id, tenant.admin, withBody("Hi {{first_name}}, your parcel is on its way."));
        api.put("/api/v1/templates/" + id, tenant.admin, withBody("Hi {{first_name}}, your parcel arrives today."));

        Reply first = api.get("/api/v1/templates/" + id + "/versions?size=2", tenant.viewer);
        assertThat(first.body()).containsEntry("total", 3).containsEntry("page", 0).containsEntry("size", 2);
        assertThat(list(first.body().get("items"))).extracting(v -> v.get("number")).containsExactly(3, 2);
        assertThat(list(api.get("/api/v1/templates/" + id + "/versions?size=2&page=1", tenant.viewer).body()
                .get("items"))).extracting(v -> v.get("number")).containsExactly(1);
        Reply v2 = api.get("/api/v1/templates/" + id + "/versions/2", tenant.viewer);
        assertThat(v2.body()).containsEntry("number", 2).containsEntry("note", "edited")
                .containsEntry("templateId", id);
        assertThat(v2.text("author")).startsWith("org_admin_");
        assertThat(list(v2.body().get("components")).get(0)).containsEntry("text",
                "Hi {{first_name}}, your parcel is on its way.");

        assertThat(api.get("/api/v1/templates/" + id + "/versions/9", tenant.viewer).status()).isEqualTo(404);
        for (String bad : List.of("0", "-1", "two", "99999999999")) {
            Reply reply = api.get("/api/v1/templates/" + id + "/versions/" + bad, tenant.viewer);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.text("detail")).contains("version number");
        }
        assertThat(api.get("/api/v1/templates/" + id + "/versions?size=101", tenant.viewer).status()).isEqualTo(400);
    }

    @Test
    void a_diff_tells_per_component_which_fields_changed_from_what_to_what() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String id = tenant.draft("versioned");
        api.put("/api/v1/templates/" + id, tenant.admin, withBody("Hi {{first_name}}, your parcel is on its way."));

        Reply diff = api.get("/api/v1/templates/" + id + "/versions/diff?from=1&to=2", tenant.viewer);

        assertThat(diff.body()).containsEntry("from", 1).containsEntry("to", 2).containsEntry("identical", false);
        Map<String, Map<String, Object>> components = new HashMap<>();
        list(diff.body().get("components")).forEach(c -> components.put(c.get("component").toString(), c));
        assertThat(components.keySet()).containsExactlyInAnyOrder("HEADER", "BODY", "FOOTER", "BUTTONS[0]",
                "BUTTONS[1]");
        assertThat(components.get("HEADER")).containsEntry("change", "REMOVED");
        assertThat(components.get("BODY")).containsEntry("change", "CHANGED");
        assertThat(list(components.get("BODY").get("fields"))).extracting(f -> f.get("field") + " " + f.get("change"))
                .containsExactly("text CHANGED", "examples CHANGED");
        assertThat(list(components.get("BODY").get("fields")).get(0))
                .containsEntry("before", "Hi {{first_name}}, your order {{order_id}} left our shop today.")
                .containsEntry("after", "Hi {{first_name}}, your parcel is on its way.");
        assertThat(list(components.get("BUTTONS[0]").get("fields"))).extracting(f -> f.get("field"))
                .containsExactly("type", "text", "url", "example");
        assertThat(api.get("/api/v1/templates/" + id + "/versions/diff?from=2&to=2", tenant.viewer).body())
                .containsEntry("identical", true).containsEntry("components", List.of());
        Reply withoutTo = api.get("/api/v1/templates/" + id + "/versions/diff?from=1", tenant.viewer);
        assertThat(withoutTo.status()).isEqualTo(400);
        assertThat(withoutTo.text("detail")).contains("[to]");
        assertThat(api.get("/api/v1/templates/" + id + "/versions/diff?from=1&to=x", tenant.viewer).text("detail"))
                .contains("to must be a version number");
        assertThat(api.get("/api/v1/templates/" + id + "/versions/diff?from=1&to=7", tenant.viewer).status())
                .isEqualTo(404);
    }

    @Test
    void a_rollback_is_a_new_version_equal_to_the_old_one() {
        AuthoringTenant tenant = new AuthoringTenant(api, root);
        String id = tenant.draft("versioned");
        api.put("/api/v1/templates/" + id, tenant.admin, withBody("Hi {{first_name}}, your parcel is on its way."));

        Reply v3 = api.post("/api/v1/templates/" + id + "/versions/1/rollback", tenant.admin, Map.of());

        assertThat(v3.status()).as(v3.toString()).isEqualTo(200);
        assertThat(v3.body()).containsEntry("number", 3).containsEntry("note", "rollback to v1");
        assertThat(v3.body().get("components"))
                .isEqualTo(api.get("/api/v1/templates/" + id + "/versions/1", tenant.viewer).body().get("components"));
        assertThat(api.get("/api/v1/templates/" + id, tenant.viewer).body()).containsEntry("currentVersion", 3);
        assertThat(api.get("/api/v1/templates/" + id + "/versions/diff?from=1&to=3", tenant.viewer).body())
                .containsEntry("identical", true);
        assertThat(api.post("/api/v1/templates/" + id + "/versions/1/rollback", tenant.viewer, Map.of()).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/templates/" + id + "/versions/8/rollback", tenant.admin, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void another_organisations_versions_are_not_found_and_super_admins_see_all() {
        AuthoringTenant mine = new AuthoringTenant(api, root);
        AuthoringTenant theirs = new AuthoringTenant(api, root);
        String id = theirs.draft("versioned");
        String base = "/api/v1/templates/" + id + "/versions";

        for (Reply reply : List.of(api.get(base, mine.viewer), api.get(base + "/1", mine.admin),
                api.get(base + "/diff?from=1&to=1", mine.viewer),
                api.post(base + "/1/rollback", mine.admin, Map.of()),
                api.get("/api/v1/templates/" + UUID.randomUUID() + "/versions", mine.viewer))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        }
        assertThat(api.get(base + "?organizationId=" + theirs.org, mine.viewer).status()).isEqualTo(403);
        assertThat(api.get(base, root).body()).containsEntry("total", 1);
        assertThat(api.get(base, null).status()).isEqualTo(401);
    }
}
