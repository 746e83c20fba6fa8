package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import java.util.List;
import java.util.Map;

/**
 * A {@link TestOrganization} with one template Meta approved by webhook, and what tests do with it.
 */
final class Tenant {

    final String waba;
    final String org;
    final String admin;
    final String adminName;
    final String viewer;
    final String metaTemplateId;
    final String templateId;
    private final ApiClient api;

    Tenant(ApiClient api, String root, String metaTemplateId) {
        this.api = api;
        this.metaTemplateId = metaTemplateId;
        TestOrganization created = TestOrganization.create(api, root, "Tenant");
        waba = created.waba();
        org = created.org();
        adminName = created.adminName();
        admin = created.admin();
        viewer = created.viewer();
        templateId = approvedTemplate(metaTemplateId);
    }

    /** Another template of the tenant's WABA, approved by webhook; Warden's id of it. */
    String approvedTemplate(String meta) {
        webhook(meta, "APPROVED", 1000);
        String[] id = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> found = items(api.get("/api/v1/templates?metaTemplateId=" + meta, admin));
            assertThat(found).hasSize(1);
            id[0] = found.get(0).get("id").toString();
        });
        return id[0];
    }

    void webhook(String metaTemplateId, String event, long time) {
        deliver(status(waba, time, metaTemplateId, event));
    }

    /** Meta's completed recategorisation of the tenant's first template. */
    void categoryChanged(String from, String to, long time) {
        deliver(MetaWebhooks.envelope(waba, time, "template_category_update", """
                {"message_template_id":%s,"message_template_name":"order_update","message_template_language":"en-US",
                 "previous_category":"%s","new_category":"%s"}""".formatted(metaTemplateId, from, to)));
    }

    /** Meta's notice that it will recategorise the tenant's first template at {@code effectiveAt} (Unix seconds). */
    void categoryImpending(String current, String upcoming, long effectiveAt, long time) {
        deliver(MetaWebhooks.envelope(waba, time, "template_category_update", """
                {"message_template_id":%s,"message_template_name":"order_update","message_template_language":"en-US",
                 "correct_category":"%s","new_category":"%s","category_update_timestamp":%d}"""
                .formatted(metaTemplateId, upcoming, current, effectiveAt)));
    }

    void deliver(String envelope) {
        byte[] body = bytes(envelope);
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    /** One field of the tenant's template as {@code token} reads it. */
    String template(String token, String field) {
        return String.valueOf(api.get("/api/v1/templates/" + templateId, token).body().get(field));
    }

    String campaign(String name) {
        return draftCampaign(name, templateId);
    }

    String draftCampaign(String name, String template) {
        Reply created = api.post("/api/v1/campaigns", admin, Map.of("name", name, "templateId", template));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    /** A started campaign on the tenant's first template. */
    String runningCampaign(String name) {
        String id = campaign(name);
        assertThat(api.post("/api/v1/campaigns/" + id + "/start", admin, Map.of()).text("status")).isEqualTo("RUNNING");
        return id;
    }

    /** A campaign as a viewer of the tenant sees it. */
    Map<String, Object> campaignState(String id) {
        return api.get("/api/v1/campaigns/" + id, viewer).body();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Reply reply) {
        return (List<Map<String, Object>>) reply.body().get("items");
    }

    /** The list under {@code field} of the answer's body. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.body().get(field);
    }
}
