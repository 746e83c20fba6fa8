package dev.warden.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An organisation with one WABA and users of every role, for the template authoring tests. */
final class AuthoringTenant {

    final String waba = MetaWebhooks.randomWaba();
    final String org;
    final String admin;
    final String viewer;
    private final ApiClient api;

    AuthoringTenant(ApiClient api, String root) {
        this.api = api;
        org = api.post("/api/v1/organizations", root, Map.of("name", "Authoring " + waba)).text("id");
        api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root, Map.of("wabaId", waba, "name", "Main"));
        admin = user(root, "ORG_ADMIN");
        viewer = user(root, "VIEWER");
    }

    private String user(String root, String role) {
        String username = role.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", username, "password", "long enough password", "role", role));
        return api.login(username, "long enough password");
    }

    /** A valid named template: text header, body with examples, footer, a URL and a quick-reply button. */
    static Map<String, Object> orderUpdate(String name) {
        return Map.of("name", name, "language", "en_US", "category", "UTILITY", "parameterFormat", "NAMED",
                "components", List.of(
                        Map.of("type", "HEADER", "format", "TEXT", "text", "Order {{order_id}}",
                                "examples", Map.of("order_id", "A-1")),
                        Map.of("type", "BODY", "text", "Hi {{first_name}}, your order {{order_id}} left our shop today.",
                                "examples", Map.of("first_name", "Ana", "order_id", "A-1")),
                        Map.of("type", "FOOTER", "text", "Acme shop"),
                        Map.of("type", "BUTTONS", "buttons", List.of(
                                Map.of("type", "URL", "text", "Track", "url", "https://acme.example/t/{{1}}",
                                        "example", "https://acme.example/t/A-1"),
                                Map.of("type", "QUICK_REPLY", "text", "Thanks")))));
    }

    /** Creates a draft and answers its id. */
    String draft(String name) {
        Reply created = api.post("/api/v1/templates", admin, orderUpdate(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    /** Meta reports a template of this WABA in a status; answers Warden's id of it once the inbox applied it. */
    String fromMeta(String metaTemplateId, String event) {
        webhook(MetaWebhooks.status(waba, 1000, metaTemplateId, event));
        String[] id = new String[1];
        Eventually.holds(() -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) api.get(
                    "/api/v1/templates?metaTemplateId=" + metaTemplateId, admin).body().get("items");
            assertThat(items).hasSize(1);
            id[0] = items.get(0).get("id").toString();
        });
        return id[0];
    }

    void webhook(String envelope) {
        byte[] body = MetaWebhooks.bytes(envelope);
        assertThat(api.postWebhook(body, MetaWebhooks.sign(body)).status()).isEqualTo(200);
    }
}
