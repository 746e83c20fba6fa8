package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real resources of organisation A for the security walk, and users of every role in A and in B.
 * Path parameters are filled by name, or by the segment before a plain {@code {id}}: a route with a
 * parameter named otherwise fails the walk until a value is added here.
 */
final class WalkFixtures {

    static final String PASSWORD = "long enough password";

    final String root;
    final String orgA;
    final String orgAName;
    final String wabaA;
    final String adminA;
    final String viewerA;
    final String userA;
    final String usernameA;
    final String templateA;
    final String templateNameA;
    final String campaignA;
    final String campaignNameA;
    final String alertA;
    final String notificationA;
    final String deadLetterA;
    final String adminB;
    final String viewerB;
    private final ApiClient api;
    private final AtomicInteger counter = new AtomicInteger();

    WalkFixtures(ApiClient api, String root) {
        this.api = api;
        this.root = root;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        orgAName = "Walk A " + tag;
        orgA = api.post("/api/v1/organizations", root, Map.of("name", orgAName)).text("id");
        wabaA = MetaWebhooks.randomWaba();
        assertThat(api.post("/api/v1/organizations/" + orgA + "/whatsapp-accounts", root,
                Map.of("wabaId", wabaA, "name", "Walk line")).status()).isEqualTo(201);
        usernameA = "walk_viewer_" + tag;
        Reply viewer = api.post("/api/v1/organizations/" + orgA + "/users", root,
                Map.of("username", usernameA, "password", PASSWORD, "role", "VIEWER"));
        userA = viewer.text("id");
        viewerA = api.login(usernameA, PASSWORD);
        adminA = user(orgA, "ORG_ADMIN", "walk_admin_a_" + tag);
        String orgB = api.post("/api/v1/organizations", root, Map.of("name", "Walk B " + tag)).text("id");
        adminB = user(orgB, "ORG_ADMIN", "walk_admin_b_" + tag);
        viewerB = user(orgB, "VIEWER", "walk_viewer_b_" + tag);

        templateNameA = "walk_template_" + tag;
        String metaId = String.valueOf(700_000_000L + (long) (Math.random() * 1e8));
        deliver(status(metaId, "APPROVED", 1000));
        templateA = eventually("/api/v1/templates?metaTemplateId=" + metaId, adminA, "id");
        // A maps an event to its template: B must neither read nor remove it.
        assertThat(api.post("/api/v1/notifications/mappings", adminA, Map.of("eventType", "ORDER_CREATED",
                "templateId", templateA, "provider", "MYOPERATOR")).status()).isEqualTo(200);
        campaignNameA = "Walk campaign " + tag;
        campaignA = api.post("/api/v1/campaigns", adminA, Map.of("name", campaignNameA, "templateId", templateA))
                .text("id");
        // A is told of every alert on Slack (at an address that answers nothing): the pause leaves a notification.
        assertThat(api.put("/api/v1/notification-preferences", adminA, Map.of("routes", List.of(
                Map.of("severity", "HIGH", "channels", List.of("SLACK")),
                Map.of("severity", "CRITICAL", "channels", List.of("SLACK"))),
                "slack", Map.of("webhookUrl", "https://hooks.slack.invalid/services/T0/B0/walk"))).status())
                .isEqualTo(200);
        deliver(status(metaId, "PAUSED", 2000));
        alertA = eventually("/api/v1/alerts", adminA, "id");
        notificationA = eventually("/api/v1/notifications", adminA, "id");
        // A change Meta could never have sent (no template id) fails for good: a dead letter of A's WABA.
        deliver(MetaWebhooks.envelope(wabaA, 3000, "message_template_status_update", "{\"event\":\"APPROVED\"}"));
        deadLetterA = deadLetter();
    }

    /** The value of a path parameter, by its name or, for a plain {id}, by the segment before it; null if unknown. */
    String pathValue(String segment, String name) {
        if ("eventType".equals(name)) {
            return "ORDER_CREATED";
        }
        Map<String, String> byName = Map.of("templateId", templateA, "campaignId", campaignA, "alertId", alertA,
                "orgId", orgA, "organizationId", orgA, "wabaId", wabaA, "userId", userA, "n", "1",
                "version", "1", "deadLetterId", deadLetterA);
        // No Graph API stand-in runs beside the walk, so A has no sync job: any id is another organisation's
        // as far as B can tell (ReconciliationIT reads a real job of another organisation).
        Map<String, String> bySegment = Map.of("templates", templateA, "campaigns", campaignA, "alerts", alertA,
                "dead-letters", deadLetterA, "organizations", orgA, "users", userA, "whatsapp-accounts", wabaA,
                "versions", "1", "sync-jobs", UUID.randomUUID().toString(), "notifications", notificationA);
        return "id".equals(name) ? bySegment.get(segment) : byName.get(name);
    }

    /** The value of a required query parameter; null if unknown. */
    String queryValue(String name) {
        return Map.of("from", "1", "to", "1", "days", "7", "templateId", templateA).get(name);
    }

    /** A body property the walk knows how to fill validly (ids of A, unique names, a long password). */
    Object bodyValue(String property) {
        int n = counter.incrementAndGet();
        return switch (property) {
            case "templateId" -> templateA;
            case "campaignId" -> campaignA;
            case "username" -> "walk_user_" + UUID.randomUUID().toString().substring(0, 8);
            case "password" -> PASSWORD;
            case "role" -> "VIEWER";
            case "wabaId" -> MetaWebhooks.randomWaba();
            case "name" -> "walk name " + n;
            case "allow" -> true;
            case "text" -> "Hello {{1}}, your order is ready";
            case "eventType", "type" -> "ORDER_CREATED";
            case "provider" -> "MYOPERATOR";
            case "phoneNumberId" -> "106540352242922";
            case "idempotencyKey" -> "walk-" + n;
            case "to" -> "+919810012345";
            case "recipients" -> List.of(Map.of("to", "+919810012345", "params", List.of("walk")));
            default -> null;
        };
    }

    /** What B must never see: A's ids and names. */
    List<String> secretsOfA() {
        return List.of(orgA, orgAName, wabaA, userA, usernameA, templateA, templateNameA, campaignA, campaignNameA,
                alertA);
    }

    private String user(String org, String role, String username) {
        assertThat(api.post("/api/v1/organizations/" + org + "/users", root,
                Map.of("username", username, "password", PASSWORD, "role", role)).status()).isEqualTo(201);
        return api.login(username, PASSWORD);
    }

    private String status(String metaId, String event, long time) {
        return MetaWebhooks.envelope(wabaA, time, "message_template_status_update", """
                {"event":"%s","message_template_id":%s,"message_template_name":"%s",
                 "message_template_language":"en_US","reason":"NONE","message_template_category":"UTILITY"}"""
                .formatted(event, metaId, templateNameA));
    }

    private void deliver(String envelope) {
        byte[] body = bytes(envelope);
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private String eventually(String path, String token, String field) {
        String[] found = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> items = (List<Map<String, Object>>) api.get(path, token).body().get("items");
            assertThat(items).isNotEmpty();
            found[0] = String.valueOf(items.get(0).get(field));
        });
        return found[0];
    }

    @SuppressWarnings("unchecked")
    private String deadLetter() {
        String[] found = new String[1];
        Eventually.holds(() -> {
            List<Map<String, Object>> items = (List<Map<String, Object>>) api
                    .get("/api/v1/webhooks/dead-letters?size=100", root).body().get("items");
            Map<String, Object> mine = items.stream().filter(d -> wabaA.equals(String.valueOf(d.get("wabaId"))))
                    .findFirst().orElse(null);
            assertThat(mine).as("a dead letter of WABA %s", wabaA).isNotNull();
            found[0] = String.valueOf(mine.get("id"));
        });
        return found[0];
    }
}
