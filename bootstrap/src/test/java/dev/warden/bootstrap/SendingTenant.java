package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An organisation with templates Meta approved (with their text, by webhook) and event mappings, for the send tests. */
final class SendingTenant {

    private static final AtomicLong META_IDS = new AtomicLong(960_000_000L + (long) (Math.random() * 1e7));

    final String waba;
    final String org;
    final String admin;
    final String viewer;
    private final ApiClient api;
    private final List<String> phoneNumbers = new ArrayList<>();

    SendingTenant(ApiClient api, String root) {
        this.api = api;
        TestOrganization created = TestOrganization.create(api, root, "Sending");
        waba = created.waba();
        org = created.org();
        admin = created.admin();
        viewer = created.viewer();
    }

    /** An APPROVED template of this category whose body Meta reported; Warden's id of it. */
    String template(String name, String category, String body) {
        String meta = Long.toString(META_IDS.incrementAndGet());
        deliver(MetaWebhooks.envelope(waba, 1000, "message_template_status_update", """
                {"event":"APPROVED","message_template_id":%s,"message_template_name":"%s",
                 "message_template_language":"en_US","reason":"NONE","message_template_category":"%s"}"""
                .formatted(meta, name, category)));
        deliver(MetaWebhooks.envelope(waba, 1001, "message_template_components_update", """
                {"message_template_id":%s,"message_template_name":"%s","message_template_language":"en_US",
                 "message_template_element":"%s"}""".formatted(meta, name, body)));
        String[] id = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> found = Tenant.items(api.get("/api/v1/templates?metaTemplateId=" + meta, admin));
            assertThat(found).hasSize(1);
            assertThat(found.get(0)).containsEntry("currentVersion", 1).containsEntry("category", category);
            id[0] = found.get(0).get("id").toString();
        });
        return id[0];
    }

    /** Meta lists this number among the tenant's WABA's phone numbers from now on. */
    void ownsNumber(String phoneNumberId) {
        if (!phoneNumbers.contains(phoneNumberId)) {
            phoneNumbers.add(phoneNumberId);
        }
        GraphApi.stubPhoneNumbers(waba, phoneNumbers);
    }

    /** Maps an event type (a META number becomes one of the WABA's); {@code phoneNumberId} null for MyOperator's. */
    void map(String eventType, String templateId, String provider, String phoneNumberId) {
        if ("META".equals(provider)) {
            ownsNumber(phoneNumberId);
        }
        Map<String, Object> body = new HashMap<>(Map.of("eventType", eventType, "templateId", templateId,
                "provider", provider));
        if (phoneNumberId != null) {
            body.put("phoneNumberId", phoneNumberId);
        }
        Reply saved = api.post("/api/v1/notifications/mappings", admin, body);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    Reply event(String type, String key, String to, Map<String, String> params) {
        return api.post("/api/v1/notifications/events", admin, Map.of("type", type, "idempotencyKey", key, "to", to,
                "params", params));
    }

    /** The notification as a viewer of the organisation reads it. */
    Map<String, Object> notification(String id) {
        return api.get("/api/v1/notifications/" + id, viewer).body();
    }

    void deliver(String envelope) {
        byte[] body = bytes(envelope);
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }
}
