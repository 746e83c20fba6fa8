package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.envelope;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static dev.warden.bootstrap.MetaWebhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.bootstrap.ApiClient.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health views end to end: Meta's webhooks put templates in every critical state, and the
 * critical list shows each with its reason, since when and what to do; the quality summary and the
 * quality trend tell the rest. Only the caller's organisation is ever shown.
 */
@MicronautTest(transactional = false)
class TemplateHealthApiIT extends ApiTest {

    private Tenant acme;
    private Tenant globex;
    private final long recent = Instant.now().getEpochSecond();

    /** An organisation with a WABA and users of every role; templates arrive by webhook. */
    private final class Tenant {
        final String waba;
        final String org;
        final String admin;
        final String viewer;

        Tenant() {
            TestOrganization created = TestOrganization.create(api, root, "Health");
            waba = created.waba();
            org = created.org();
            admin = created.admin();
            viewer = created.viewer();
        }

        void status(String metaId, String event, long time) {
            deliver(MetaWebhooks.status(waba, time, metaId, event));
        }

        void flag(String metaId, long time) {
            deliver(envelope(waba, time, "message_template_status_update", """
                    {"event":"FLAGGED","message_template_id":%s,"message_template_name":"order_update",
                     "message_template_language":"en-US","reason":"NONE","disable_info":{"disable_date":"January 31, 2026"}}"""
                    .formatted(metaId)));
        }

        void quality(String metaId, String from, String to, long time) {
            deliver(envelope(waba, time, "message_template_quality_update", """
                    {"previous_quality_score":"%s","new_quality_score":"%s","message_template_id":%s,
                     "message_template_name":"order_update","message_template_language":"en-US"}"""
                    .formatted(from, to, metaId)));
        }

        void recategorise(String metaId, long time) {
            deliver(envelope(waba, time, "template_category_update", """
                    {"message_template_id":%s,"message_template_name":"order_update","message_template_language":"en-US",
                     "previous_category":"UTILITY","new_category":"MARKETING"}""".formatted(metaId)));
        }

        private void deliver(String envelope) {
            byte[] body = bytes(envelope);
            assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
        }

        String templateId(String metaId) {
            String[] id = new String[1];
            Eventually.holds(() -> {
                List<Map<String, Object>> found = items(api.get("/api/v1/templates?metaTemplateId=" + metaId, viewer));
                assertThat(found).hasSize(1);
                id[0] = found.get(0).get("id").toString();
            });
            return id[0];
        }
    }

    @BeforeAll
    void templatesInEveryState() {
        acme = new Tenant();
        acme.status("710001", "APPROVED", 1000);
        acme.status("710001", "PAUSED", 2000);
        acme.status("710002", "DISABLED", 2100);
        acme.status("710003", "REJECTED", 2200);
        acme.status("710004", "ARCHIVED", 2300);
        acme.status("710005", "LIMIT_EXCEEDED", 2400);
        acme.status("710006", "PENDING", 2500);
        acme.status("710007", "PENDING", recent - 60);
        acme.status("710008", "APPROVED", 2600);
        acme.flag("710008", 2700);
        acme.status("710009", "APPROVED", 2800);
        acme.quality("710009", "GREEN", "RED", 2900);
        acme.status("710010", "APPROVED", 3000);
        acme.recategorise("710010", 3100);
        acme.status("710011", "APPROVED", 3200);
        acme.status("710012", "APPROVED", 3300);
        acme.flag("710012", 3400);
        acme.quality("710012", "GREEN", "RED", 3500);
        globex = new Tenant();
        globex.status("720001", "DISABLED", 2000);
        Eventually.holds(() -> assertThat(critical(acme.viewer, "")).hasSize(10));
        Eventually.holds(() -> assertThat(critical(globex.viewer, "")).hasSize(1));
    }

    @Test
    void each_critical_template_shows_its_reason_since_when_and_what_to_do() {
        Map<String, Map<String, Object>> byMetaId = critical(acme.viewer, "").stream()
                .collect(Collectors.toMap(i -> i.get("metaTemplateId").toString(), i -> i));

        assertReason(byMetaId.get("710001"), "PAUSED", 2000, "REVIEW_BEFORE_UNPAUSE");
        assertThat(byMetaId.get("710001").get("deadline")).isEqualTo(at(2000 + 3 * 3600).toString());
        assertReason(byMetaId.get("710002"), "DISABLED", 2100, "APPEAL_OR_REPLACE");
        assertReason(byMetaId.get("710003"), "REJECTED", 2200, "EDIT_AND_RESUBMIT");
        assertReason(byMetaId.get("710004"), "ARCHIVED", 2300, "UNARCHIVE_BEFORE_DEADLINE");
        assertThat(byMetaId.get("710004").get("deadline")).isEqualTo(at(2300).plus(Duration.ofDays(28)).toString());
        assertReason(byMetaId.get("710005"), "LIMIT_EXCEEDED", 2400, "DELETE_UNUSED_TEMPLATES");
        assertReason(byMetaId.get("710006"), "PENDING_TOO_LONG", 2500, "CHECK_REVIEW");
        assertThat(byMetaId).doesNotContainKeys("710007", "710011");
        assertReason(byMetaId.get("710008"), "FLAGGED", 2700, "FIX_BEFORE_DISABLE_DATE");
        assertThat(byMetaId.get("710008").get("deadline")).isEqualTo("January 31, 2026");
        assertReason(byMetaId.get("710009"), "QUALITY_RED", 2900, "IMPROVE_QUALITY");
        assertReason(byMetaId.get("710010"), "CATEGORY_CONSENT_PENDING", 3100, "ACKNOWLEDGE_CATEGORY_CHANGE");
        assertThat(byMetaId.get("710010")).containsEntry("category", "MARKETING");
    }

    @Test
    void a_template_with_several_reasons_is_one_item_under_its_most_urgent_and_lists_them_all() {
        Map<String, Object> both = critical(acme.viewer, "").stream()
                .filter(i -> "710012".equals(i.get("metaTemplateId"))).findFirst().orElseThrow();

        assertReason(both, "QUALITY_RED", 3500, "IMPROVE_QUALITY");
        assertThat(reasons(both)).extracting(r -> r.get("reason")).containsExactly("QUALITY_RED", "FLAGGED");
        assertThat(reasons(both).get(1)).containsEntry("since", at(3400).toString())
                .containsEntry("deadline", "January 31, 2026");
    }

    @Test
    void the_list_is_most_urgent_first_and_pages_through_every_item_once() {
        List<Object> reasons = critical(acme.viewer, "").stream().map(i -> i.get("reason")).toList();
        assertThat(reasons).containsExactly("DISABLED", "ARCHIVED", "PAUSED", "QUALITY_RED", "QUALITY_RED", "FLAGGED",
                "CATEGORY_CONSENT_PENDING", "REJECTED", "LIMIT_EXCEEDED", "PENDING_TOO_LONG");

        List<Object> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            Reply reply = api.get("/api/v1/templates/critical?size=3&page=" + page, acme.viewer);
            assertThat(reply.body()).containsEntry("total", 10);
            items(reply).forEach(i -> paged.add(i.get("templateId")));
        }
        assertThat(paged).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void campaigns_using_a_critical_template_are_counted() {
        String red = acme.templateId("710009");
        Reply created = api.post("/api/v1/campaigns", acme.admin, Map.of("name", "Spring", "templateId", red));
        assertThat(created.status()).isEqualTo(201);

        Map<String, Object> item = critical(acme.viewer, "").stream()
                .filter(i -> red.equals(i.get("templateId"))).findFirst().orElseThrow();
        assertThat(item).containsEntry("campaignsAffected", 1);
    }

    @Test
    void another_organisations_templates_never_appear_and_a_super_admin_chooses_the_organisation() {
        assertThat(critical(globex.admin, "")).extracting(i -> i.get("metaTemplateId")).containsExactly("720001");
        assertThat(critical(root, "?organizationId=" + globex.org)).extracting(i -> i.get("metaTemplateId"))
                .containsExactly("720001");
        assertThat(critical(root, "?organizationId=" + acme.org)).hasSize(10);
        assertThat(api.get("/api/v1/templates/critical?organizationId=" + globex.org, acme.admin).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/templates/quality-summary?organizationId=" + globex.org, acme.viewer).status())
                .isEqualTo(403);
        String globexTemplate = globex.templateId("720001");
        assertThat(api.get("/api/v1/templates/" + globexTemplate + "/quality-trend", acme.admin).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/templates/critical", null).status()).isEqualTo(401);
    }

    @Test
    void the_quality_summary_counts_by_status_and_quality_and_shows_recent_quality_changes() {
        Reply summary = api.get("/api/v1/templates/quality-summary?recent=5", acme.viewer);

        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).containsEntry("total", 12).doesNotContainKey("sent");
        @SuppressWarnings("unchecked")
        Map<String, Object> byStatus = (Map<String, Object>) summary.body().get("byStatus");
        assertThat(byStatus).containsEntry("APPROVED", 5).containsEntry("PENDING", 2).containsEntry("PAUSED", 1)
                .containsEntry("DISABLED", 1).containsEntry("DRAFT", 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> byQuality = (Map<String, Object>) summary.body().get("byQuality");
        assertThat(byQuality).containsEntry("RED", 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) summary.body().get("recentQualityChanges");
        assertThat(changes).extracting(c -> c.get("at")).startsWith(at(3500).toString(), at(2900).toString());
        assertThat(changes.get(0)).containsEntry("templateId", acme.templateId("710012")).containsEntry("to", "RED");
        assertThat(api.get("/api/v1/templates/quality-summary?recent=0", acme.viewer).status()).isEqualTo(400);
    }

    @Test
    void the_quality_trend_shows_the_points_in_the_window_and_the_verdict() {
        Tenant trended = new Tenant();
        // Meta sends these a day apart; each is awaited so that they are applied in that order too. Sent back to back,
        // the first quality change can find the template still being created by the other worker, be retried, and
        // arrive after the second: a quality change older than the one applied is history, not a trend point.
        trended.status("710020", "APPROVED", recent - 3 * 86_400);
        String id = trended.templateId("710020");
        trended.quality("710020", "GREEN", "YELLOW", recent - 2 * 86_400);
        Eventually.holds(() -> assertThat(api.get("/api/v1/templates/" + id + "/quality-trend?days=7", trended.viewer)
                .body()).containsEntry("quality", "YELLOW"));
        trended.quality("710020", "YELLOW", "RED", recent - 86_400);

        Eventually.holds(() -> {
            Reply trend = api.get("/api/v1/templates/" + id + "/quality-trend?days=7", trended.viewer);
            assertThat(trend.body()).containsEntry("trend", "DEGRADING").containsEntry("days", 7)
                    .containsEntry("quality", "RED");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> points = (List<Map<String, Object>>) trend.body().get("points");
            assertThat(points).extracting(p -> p.get("rating")).containsExactly("YELLOW", "RED");
        });
        Reply oneDay = api.get("/api/v1/templates/" + id + "/quality-trend?days=1", trended.viewer);
        assertThat(oneDay.body()).containsEntry("trend", "STABLE");
        Reply tooLong = api.get("/api/v1/templates/" + id + "/quality-trend?days=366", trended.viewer);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text("detail")).contains("days");
        assertThat(api.get("/api/v1/templates/" + UUID.randomUUID() + "/quality-trend", trended.viewer).status())
                .isEqualTo(404);
    }

    private static void assertReason(Map<String, Object> item, String reason, long since, String actionCode) {
        assertThat(item).as(reason).isNotNull().containsEntry("reason", reason)
                .containsEntry("since", at(since).toString()).containsEntry("actionCode", actionCode);
        assertThat(item.get("action").toString()).isNotBlank();
        assertThat(item).containsKeys("templateId", "name", "language", "status", "quality", "campaignsAffected");
    }

    private static Instant at(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond);
    }

    private List<Map<String, Object>> critical(String token, String query) {
        Reply reply = api.get("/api/v1/templates/critical" + query + (query.isEmpty() ? "?" : "&") + "size=100", token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return items(reply);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reasons(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("reasons");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Reply reply) {
        return (List<Map<String, Object>>) reply.body().get("items");
    }
}
