package dev.warden.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.domain.campaign.Campaign;
import dev.warden.domain.campaign.CampaignId;
import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.campaign.Hold;
import dev.warden.domain.campaign.HoldCause;
import dev.warden.domain.shared.OrganizationId;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migration V5 turns campaigns stored with one pause reason into holds that match today's facts:
 * second causes the old model missed are held, causes that have cleared are not; V28 moves them into the
 * campaign's row as they were.
 */
class CampaignHoldsMigrationIT {

    private static final UUID AUTO = UUID.randomUUID();
    private static final UUID BY_HAND = UUID.randomUUID();

    @Test
    void campaigns_paused_for_one_reason_get_the_holds_their_templates_call_for() throws SQLException {
        PGSimpleDataSource database = TestDatabase.databaseAtVersion("4");
        DSLContext dsl = DSL.using(database, SQLDialect.POSTGRES);
        dsl.execute("INSERT INTO organizations (id, name, auto_resume_campaigns, created_at) VALUES (?, 'Auto', true, now()),"
                + " (?, 'By hand', false, now())", AUTO, BY_HAND);
        UUID paused = template(dsl, AUTO, "PAUSED");
        UUID awaitingConsent = template(dsl, AUTO, "APPROVED");
        dsl.execute("INSERT INTO alerts (organization_id, id, type, severity, subject_kind, subject_key, message, details,"
                + " state, count, created_at, last_raised_at, revision) VALUES (?, ?, 'CATEGORY_CHANGED', 'HIGH',"
                + " 'TEMPLATE', ?, 'recategorised', '{}', 'OPEN', 1, now(), now(), 0)", AUTO, UUID.randomUUID(),
                awaitingConsent.toString());
        UUID approved = template(dsl, AUTO, "APPROVED");
        UUID approvedByHand = template(dsl, BY_HAND, "APPROVED");

        UUID manualOnPaused = campaign(dsl, AUTO, paused, "PAUSED", "MANUAL", "alice");
        UUID runningOnPaused = campaign(dsl, AUTO, paused, "RUNNING", null, null);
        UUID pendingThenRecategorised = campaign(dsl, AUTO, awaitingConsent, "PAUSED", "TEMPLATE_PENDING", null);
        UUID consentUsedUp = campaign(dsl, AUTO, approved, "PAUSED", "CATEGORY_CHANGED", null);
        UUID waitingForAPerson = campaign(dsl, BY_HAND, approvedByHand, "PAUSED", "TEMPLATE_PAUSED", null);

        TestDatabase.migrateToLatest(database);

        // Read as V28 keeps them: in the campaign's own row.
        Map<UUID, List<String>> holds = dsl.resultQuery("SELECT c.id, h.key, h.value ->> 'detail', h.value ->> 'by'"
                        + " FROM campaigns c, jsonb_each(c.holds) h")
                .fetch().stream().collect(Collectors.groupingBy(r -> r.get(0, UUID.class), Collectors.mapping(
                        r -> r.get(1, String.class) + (r.get(2) == null ? "" : " " + r.get(2))
                                + (r.get(3) == null ? "" : " by " + r.get(3)), Collectors.toList())));
        assertThat(holds.get(manualOnPaused)).containsExactlyInAnyOrder("MANUAL by alice", "TEMPLATE_STATUS PAUSED");
        assertThat(holds.get(runningOnPaused)).containsExactly("TEMPLATE_STATUS PAUSED");
        assertThat(holds.get(pendingThenRecategorised)).containsExactly("CATEGORY_CHANGE");
        assertThat(holds.get(consentUsedUp)).isNull();
        assertThat(holds.get(waitingForAPerson)).containsExactly("AWAITING_RESUME");
        // V28 writes since as an ISO instant: the person's hold is as old as the pause it came from (paused_at, the
        // insert's now(), as created_at).
        assertThat(Instant.parse(dsl.resultQuery("SELECT holds -> 'MANUAL' ->> 'since' FROM campaigns WHERE id = ?",
                manualOnPaused).fetchOne(0, String.class))).isEqualTo(dsl.resultQuery(
                "SELECT created_at FROM campaigns WHERE id = ?", manualOnPaused).fetchOne(0, OffsetDateTime.class).toInstant());
        assertThat(status(dsl, runningOnPaused)).isEqualTo("PAUSED");
        assertThat(status(dsl, consentUsedUp)).isEqualTo("RUNNING");
        assertThat(status(dsl, waitingForAPerson)).isEqualTo("PAUSED");
        assertThat(dsl.fetchValue("SELECT awaiting_category_consent FROM templates WHERE id = ?", awaitingConsent))
                .isEqualTo(true);
    }

    @Test
    void v28_moves_the_holds_into_the_campaign_row_and_mends_a_row_the_rule_forbids() throws SQLException {
        PGSimpleDataSource database = TestDatabase.databaseAtVersion("27");
        DSLContext dsl = DSL.using(database, SQLDialect.POSTGRES);
        dsl.execute("INSERT INTO organizations (id, name, auto_resume_campaigns, created_at) VALUES (?, 'Auto', true, now())",
                AUTO);
        UUID template = template(dsl, AUTO, "PAUSED");
        UUID running = v27Campaign(dsl, template, "RUNNING");
        UUID cancelled = v27Campaign(dsl, template, "CANCELLED");
        dsl.execute("INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since) VALUES"
                + " (?, ?, 'MANUAL', NULL, 'alice', '2026-01-02 08:34:05.123456+05:30'),"
                + " (?, ?, 'TEMPLATE_STATUS', 'PAUSED', NULL, '2026-01-02 03:00:00+00'),"
                + " (?, ?, 'TEMPLATE_STATUS', 'PAUSED', NULL, '2026-01-02 03:00:00+00')",
                AUTO, running, AUTO, running, AUTO, cancelled);

        TestDatabase.migrateToLatest(database);

        Campaign held = new JooqCampaignRepository(dsl).findById(new OrganizationId(AUTO), new CampaignId(running))
                .orElseThrow();
        assertThat(held.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(held.snapshot().holds()).containsExactlyInAnyOrder(
                Hold.manual("alice", Instant.parse("2026-01-02T03:04:05.123456Z")),
                Hold.bySystem(HoldCause.TEMPLATE_STATUS, "PAUSED", Instant.parse("2026-01-02T03:00:00Z")));
        assertThat(new JooqCampaignRepository(dsl).findById(new OrganizationId(AUTO), new CampaignId(cancelled))
                .orElseThrow().snapshot().holds()).isEmpty();
    }

    private static UUID v27Campaign(DSLContext dsl, UUID template, String status) {
        UUID id = UUID.randomUUID();
        dsl.execute("INSERT INTO campaigns (organization_id, id, name, template_id, status, created_at, updated_at, revision)"
                + " VALUES (?, ?, 'campaign', ?, ?, now(), now(), 0)", AUTO, id, template, status);
        return id;
    }

    private static UUID template(DSLContext dsl, UUID org, String status) {
        UUID id = UUID.randomUUID();
        dsl.execute("INSERT INTO templates (organization_id, id, waba_id, meta_template_id, name, language, category,"
                + " status, quality, flagged, pause_count, has_rejection, allow_category_change, current_version,"
                + " approved_edits, last_status_at, created_at, updated_at, revision) VALUES (?, ?, '1', ?, 'order_update',"
                + " 'en_US', 'MARKETING', ?, 'GREEN', false, 0, false, false, 0, '{}', now(), now(), now(), 0)",
                org, id, String.valueOf(Math.abs(id.getMostSignificantBits())), status);
        return id;
    }

    private static UUID campaign(DSLContext dsl, UUID org, UUID template, String status, String reason, String user) {
        UUID id = UUID.randomUUID();
        dsl.execute("INSERT INTO campaigns (organization_id, id, name, template_id, status, pause_reason, paused_by_kind,"
                + " paused_by_user, paused_at, created_at, updated_at, revision) VALUES (?, ?, 'campaign', ?, ?, ?, ?, ?,"
                + " CASE WHEN CAST(? AS text) IS NULL THEN NULL ELSE now() END, now(), now(), 0)", org, id, template, status,
                reason,
                reason == null ? null : user == null ? "SYSTEM" : "USER", user, reason);
        return id;
    }

    private static String status(DSLContext dsl, UUID campaign) {
        return dsl.fetchValue("SELECT status FROM campaigns WHERE id = ?", campaign).toString();
    }
}
