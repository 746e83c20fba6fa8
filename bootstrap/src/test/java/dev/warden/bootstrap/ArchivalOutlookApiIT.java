package dev.warden.bootstrap;

import static dev.warden.bootstrap.MetaWebhooks.bytes;
import static dev.warden.bootstrap.MetaWebhooks.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.application.port.out.UnitOfWork;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archival countdowns end to end on PostgreSQL: templates Meta holds, made 13 months ago, whose last send
 * through Warden was long ago (still in the outbox, or folded in by its purge) are listed with the days until
 * Meta archives them; a recently sent one is not, and another organisation's never is.
 */
@MicronautTest(transactional = false)
class ArchivalOutlookApiIT extends ApiTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Inject
    DSLContext dsl;

    @Inject
    UnitOfWork unitOfWork;

    private TestOrganization acme;
    private TestOrganization globex;
    private String sentElevenMonthsAgo;
    private String sentRecently;
    private String purgedSend;
    private String globexIdle;

    @BeforeAll
    void templatesWithSends() {
        acme = TestOrganization.create(api, root, "Archival");
        globex = TestOrganization.create(api, root, "Archival");
        sentElevenMonthsAgo = madeThirteenMonthsAgo(acme, "730001");
        sentRecently = madeThirteenMonthsAgo(acme, "730002");
        purgedSend = madeThirteenMonthsAgo(acme, "730003");
        globexIdle = madeThirteenMonthsAgo(globex, "740001");
        sent(acme, sentElevenMonthsAgo, NOW.minusMonths(11));
        sent(acme, sentRecently, NOW.minusMonths(11));
        sent(acme, sentRecently, NOW.minusDays(5));
        unitOfWork.run(() -> dsl.execute("INSERT INTO template_last_sends VALUES (CAST(? AS uuid), CAST(? AS uuid), CAST(? AS timestamptz))",
                UUID.fromString(acme.org()), UUID.fromString(purgedSend), NOW.minusMonths(10).minusDays(15)));
        sent(globex, globexIdle, NOW.minusMonths(11));
    }

    @Test
    void a_template_last_sent_eleven_months_ago_is_archived_in_about_thirty_days_and_a_recent_one_not_at_all() {
        List<Map<String, Object>> items = outlook(acme.viewer(), "");

        assertThat(items).extracting(i -> i.get("templateId")).containsExactly(sentElevenMonthsAgo, purgedSend);
        Map<String, Object> soonest = items.get(0);
        long daysLeft = Duration.between(Instant.now(), Instant.parse(soonest.get("archivesAround").toString())).toDays();
        assertThat(daysLeft).isBetween(27L, 31L);
        assertThat(soonest).containsEntry("wabaId", acme.waba()).containsEntry("organizationId", acme.org());
        assertThat(soonest.get("lastSent")).isEqualTo(soonest.get("lastActivity"));
        assertThat(items.get(1).get("lastSent")).as("the purged send, kept by the fold").isNotNull();
    }

    @Test
    void another_organisations_templates_never_appear() {
        assertThat(outlook(acme.viewer(), "&withinDays=365")).extracting(i -> i.get("templateId"))
                .doesNotContain(globexIdle);
        assertThat(outlook(globex.viewer(), "")).extracting(i -> i.get("templateId")).containsExactly(globexIdle);
        assertThat(outlook(root, "&organizationId=" + acme.org())).extracting(i -> i.get("templateId"))
                .containsExactly(sentElevenMonthsAgo, purgedSend);
    }

    @Test
    void a_shorter_window_lists_fewer_and_a_bad_window_is_a_400() {
        assertThat(outlook(acme.viewer(), "&withinDays=40")).extracting(i -> i.get("templateId"))
                .containsExactly(sentElevenMonthsAgo);
        for (String bad : List.of("0", "366", "-1", "abc", "99999999999")) {
            assertThat(api.get("/api/v1/templates/archival-outlook?withinDays=" + bad, acme.viewer()).status())
                    .as(bad).isEqualTo(400);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> outlook(String token, String query) {
        ApiClient.Reply reply = api.get("/api/v1/templates/archival-outlook?" + query, token);
        assertThat(reply.status()).isEqualTo(200);
        return (List<Map<String, Object>>) reply.body().get("items");
    }

    /** A template Meta approved, as Warden recorded it 13 months ago (the clock cannot be moved back). */
    private String madeThirteenMonthsAgo(TestOrganization tenant, String metaId) {
        byte[] body = bytes(MetaWebhooks.status(tenant.waba(), Instant.now().getEpochSecond(), metaId, "APPROVED"));
        assertThat(api.postWebhook(body, sign(body)).status()).isEqualTo(200);
        String[] id = new String[1];
        Eventually.holds(() -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> found = (List<Map<String, Object>>) api
                    .get("/api/v1/templates?metaTemplateId=" + metaId, tenant.viewer()).body().get("items");
            assertThat(found).hasSize(1);
            id[0] = found.get(0).get("id").toString();
        });
        unitOfWork.run(() -> dsl.execute("UPDATE templates SET created_at = CAST(? AS timestamptz), last_content_at = NULL "
                + "WHERE organization_id = CAST(? AS uuid) AND id = CAST(? AS uuid)", NOW.minusMonths(13), UUID.fromString(tenant.org()),
                UUID.fromString(id[0])));
        return id[0];
    }

    /** A send of the template that its provider accepted at {@code at}, as the outbox records one. */
    private void sent(TestOrganization tenant, String templateId, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        unitOfWork.run(() -> dsl.execute("""
                INSERT INTO notifications (organization_id, id, dedupe_key, channel, recipient, message, status,
                                           attempts, max_attempts, created_at, next_attempt_at, updated_at, outbound)
                VALUES (CAST(? AS uuid), CAST(? AS uuid), ?, 'WHATSAPP', '15550001111', '{}'::jsonb, 'SENT', 1, 3,
                        CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS jsonb))""",
                UUID.fromString(tenant.org()), id, "send:" + id, at, at, at,
                "{\"kind\":\"TEMPLATE\",\"template\":{\"id\":\"" + templateId + "\"}}"));
    }
}
