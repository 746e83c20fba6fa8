package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organisation made through the API as an operator would: a WABA, an admin and a viewer, and one
 * template Meta approved by webhook.
 */
final class Tenant {

    final String waba = MetaWebhooks.randomWaba();
    final String org;
    final String admin;
    final String adminName;
    final String viewer;
    final String templateId;
    private final ApiClient api;
    private final String root;

    Tenant(ApiClient api, String root, String metaTemplateId) {
        this.api = api;
        this.root = root;
        org = api.post("/api/v1/organizations", root, Map.of("name", "Tenant " + waba)).text("id");
        api.post("/api/v1/organizations/" + org + "/whatsapp-accounts", root, Map.of("wabaId", waba, "name", "Main"));
        adminName = username("ORG_ADMIN");
        admin = api.login(adminName, "long enough password");
        viewer = api.login(username("VIEWER"), "long enough password");
        webhook(metaTemplateId, "APPROVED", 1000);
        String[] id = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> found = items(api.get("/api/v1/templates?metaTemplateId=" + metaTemplateId,
                    admin));
            assertThat(found).hasSize(1);
            id[0] = found.get(0).get("id").toString();
        });
        templateId = id[0];
    }

    private String username(String role) {
        String username = role.toLowerCase() + "_" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", username, "password", "long enough password", "role", role));
        return username;
    }

    void webhook(String metaTemplateId, String event, long time) {
        byte[] body = bytes(status(waba, time, metaTemplateId, event));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    String campaign(String name) {
        Reply created = api.post("/api/v1/campaigns", admin, Map.of("name", name, "templateId", templateId));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Reply reply) {
        return (List<Map<String, Object>>) reply.body().get("items");
    }
}
