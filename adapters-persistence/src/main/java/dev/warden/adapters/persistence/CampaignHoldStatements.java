package dev.warden.adapters.persistence;

import dev.warden.domain.template.TemplateStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * The two set-based hold statements, written as SQL because each is one statement of several
 * data-modifying steps (after one that locks). They execute {@code Campaign.place} and {@code Campaign.lift} (or a
 * person's {@code Campaign.releaseBy}) for every open campaign of a template, or of every template of a WABA:
 * <ul>
 *   <li>the template's open campaigns are row-locked by a statement of their own first: the hold
 *       statement that follows then reads every hold committed before the lock was granted (one
 *       statement reads one snapshot, taken before any lock it waits for), so a person's pause or
 *       resume committed meanwhile is never overlooked;</li>
 *   <li>every campaign whose holds change gets a new revision, so a person's start or resume that
 *       read it before is refused instead of overwriting it;</li>
 *   <li>place: a new cause is inserted, the same cause with another detail updated (keeping its
 *       {@code since}), the same detail left alone; RUNNING becomes PAUSED;</li>
 *   <li>lift: the cause is deleted; a PAUSED campaign left without holds runs again, or, when the
 *       organisation resumes by hand, gets an AWAITING_RESUME hold;</li>
 *   <li>every placement, update and lift is written to the hold history.</li>
 * </ul>
 * A template's status reaches the campaigns that fall back on it as well ({@link Scope#SENDING}), and holds
 * only those that can send neither template ({@link Scope#SENDING_UNABLE}).
 */
final class CampaignHoldStatements {

    private static final String LOCK = """
            SELECT c.id FROM campaigns c
            WHERE c.organization_id = CAST(? AS uuid) AND %s
              AND c.status IN ('DRAFT', 'RUNNING', 'PAUSED')
            ORDER BY c.id
            FOR NO KEY UPDATE
            """;

    // One CTE (target) reads and locks what every step needs, each campaign with its hold of the cause if it has one,
    // and only those whose hold changes: every later step reads target alone, never a join of two CTEs, whose row
    // counts the planner cannot know. A plain INSERT (no ON CONFLICT): every writer of a campaign's holds locks the
    // campaign first, so the holds target read are all there are.
    private static final String PLACE = """
            WITH target AS (
                SELECT c.organization_id, c.id, c.status, c.template_id, h.campaign_id IS NOT NULL AS updated,
                       COALESCE(h.since, CAST(? AS timestamptz)) AS since
                FROM campaigns c LEFT JOIN campaign_holds h ON h.organization_id = c.organization_id
                    AND h.campaign_id = c.id AND h.cause = CAST(? AS varchar)
                WHERE c.organization_id = CAST(? AS uuid) AND %s AND c.status IN ('DRAFT', 'RUNNING', 'PAUSED')
                  AND (h.campaign_id IS NULL OR h.detail IS DISTINCT FROM CAST(? AS varchar))
                FOR NO KEY UPDATE OF c
            ), placed AS (
                INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
                SELECT organization_id, id, CAST(? AS varchar), CAST(? AS varchar), NULL, since FROM target
                WHERE NOT updated
            ), redetailed AS (
                UPDATE campaign_holds h SET detail = CAST(? AS varchar) FROM target t
                WHERE t.updated AND h.organization_id = t.organization_id AND h.campaign_id = t.id
                  AND h.cause = CAST(? AS varchar)
            ), changed AS (
                UPDATE campaigns c SET status = CASE WHEN c.status = 'RUNNING' THEN 'PAUSED' ELSE c.status END,
                    updated_at = CAST(? AS timestamptz), revision = c.revision + 1
                FROM target t WHERE c.organization_id = t.organization_id AND c.id = t.id
            ), logged AS (
                INSERT INTO campaign_hold_history (organization_id, campaign_id, cause, action, detail, actor, at)
                SELECT organization_id, id, CAST(? AS varchar), CASE WHEN updated THEN 'UPDATED' ELSE 'PLACED' END,
                       CAST(? AS varchar), NULL, CAST(? AS timestamptz)
                FROM target
            )
            SELECT id, status AS was, since, updated, template_id FROM target
            """;

    // The DELETE returns the target's columns itself, so no step joins two CTEs (the planner, with no statistics of
    // the holds just written, took both for one row and nested them: 10^8 comparisons for 10,000 campaigns).
    private static final String LIFT = """
            WITH target AS (
                SELECT c.organization_id, c.id, c.status, c.template_id FROM campaigns c
                WHERE c.organization_id = CAST(? AS uuid) AND %s AND c.status IN ('DRAFT', 'RUNNING', 'PAUSED')
                  AND EXISTS (SELECT 1 FROM campaign_holds h
                              WHERE h.organization_id = c.organization_id AND h.campaign_id = c.id AND h.cause = CAST(? AS varchar))
                FOR NO KEY UPDATE OF c
            ), outcome AS (
                DELETE FROM campaign_holds h USING target t
                WHERE h.organization_id = t.organization_id AND h.campaign_id = t.id AND h.cause = CAST(? AS varchar)
                RETURNING t.organization_id, t.id, t.template_id, h.detail,
                       t.status = 'PAUSED' AND NOT EXISTS (
                           SELECT 1 FROM campaign_holds o
                           WHERE o.organization_id = t.organization_id AND o.campaign_id = t.id AND o.cause <> CAST(? AS varchar)) AS last
            ), awaiting AS (
                INSERT INTO campaign_holds (organization_id, campaign_id, cause, detail, held_by, since)
                SELECT organization_id, id, 'AWAITING_RESUME', NULL, NULL, CAST(? AS timestamptz) FROM outcome
                WHERE last AND NOT CAST(? AS boolean)
                RETURNING organization_id, campaign_id
            ), changed AS (
                UPDATE campaigns c SET status = CASE WHEN o.last AND CAST(? AS boolean) THEN 'RUNNING' ELSE c.status END,
                    updated_at = CAST(? AS timestamptz), revision = c.revision + 1
                FROM outcome o WHERE c.organization_id = o.organization_id AND c.id = o.id
            ), logged AS (
                INSERT INTO campaign_hold_history (organization_id, campaign_id, cause, action, detail, actor, at)
                SELECT organization_id, id, CAST(? AS varchar), 'LIFTED', detail, CAST(? AS varchar), CAST(? AS timestamptz)
                FROM outcome
                UNION ALL
                SELECT organization_id, campaign_id, 'AWAITING_RESUME', 'PLACED', NULL, NULL, CAST(? AS timestamptz) FROM awaiting
            )
            SELECT id, last, template_id FROM outcome
            """;

    private CampaignHoldStatements() {
    }

    /**
     * Which open campaigns a statement is about: those of one template, those of every template of a WABA, or
     * those that send a template as their own or as their fallback (docs/adr/0020).
     */
    enum Scope {
        TEMPLATE("c.template_id = CAST(? AS uuid)", ""),
        // Portfolio pacing holds the whole WABA; templates_meta_key (organization_id, waba_id, ...) finds its templates.
        WABA("c.template_id IN (SELECT w.id FROM templates w WHERE w.organization_id = c.organization_id"
                + " AND w.waba_id = CAST(? AS varchar))", ""),
        SENDING(Constants.SENDING, ""),
        /*
         * Campaign.canSend, set-based: neither the campaign's template nor its fallback has a sendable status (the
         * statuses come from TemplateStatus.isSendable); the caller's statuses (two parallel arrays: an inbox batch
         * writes its templates after their holds) win over the stored ones. The lock takes every campaign sending
         * the template, not only those that cannot send: a change of the other template committed meanwhile (its
         * own hold statement holds those rows) is then seen by this statement, so two templates paused at once
         * cannot each leave the campaign running on the other.
         */
        SENDING_UNABLE(Constants.SENDING, " AND NOT EXISTS (SELECT 1 FROM templates s"
                + " LEFT JOIN unnest(CAST(? AS uuid[]), CAST(? AS varchar[])) AS current (id, status) ON current.id = s.id"
                + " WHERE s.organization_id = c.organization_id AND s.id IN (c.template_id, c.fallback_template_id)"
                + " AND COALESCE(current.status, s.status) IN (" + Arrays.stream(TemplateStatus.values())
                .filter(TemplateStatus::isSendable).map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", ")) + "))");

        private final String lock;
        private final String place;
        private final String lift;

        /** @param guard what a campaign in scope must also meet to be changed (not to be locked) */
        Scope(String condition, String guard) {
            this.lock = LOCK.formatted(condition);
            this.place = PLACE.formatted(condition + guard);
            this.lift = LIFT.formatted(condition + guard);
        }

        private static final class Constants {
            // One parameter: the template, as the campaign's own or as its fallback (campaigns_by_template, _by_fallback).
            static final String SENDING = "CAST(? AS uuid) IN (c.template_id, c.fallback_template_id)";
        }
    }

    /** A campaign the place statement changed: its status before, its hold's since, whether the hold was there. */
    record Placed(UUID campaignId, String statusBefore, OffsetDateTime since, boolean updated, UUID templateId) {
    }

    /** A campaign the lift statement changed, and whether that was its last hold. */
    record Lifted(UUID campaignId, boolean last, UUID templateId) {
    }

    /**
     * @param scopeKey the template's id for {@link Scope#TEMPLATE}, {@link Scope#SENDING} and
     *                 {@link Scope#SENDING_UNABLE}, the WABA's id for {@link Scope#WABA}
     * @param current  for {@link Scope#SENDING_UNABLE}, template statuses that win over the stored ones
     */
    static List<Placed> place(DSLContext dsl, UUID organizationId, Scope scope, Object scopeKey, String cause,
                              String detail, OffsetDateTime now, Map<UUID, String> current) {
        return dsl.connectionResult(connection -> {
            if (!lockOpenCampaigns(connection, organizationId, scope, scopeKey)) {
                return List.of();
            }
            List<Object> values = new ArrayList<>(Arrays.asList(now, cause, organizationId, scopeKey));
            if (scope == Scope.SENDING_UNABLE) {
                List<UUID> ids = List.copyOf(current.keySet());
                values.add(connection.createArrayOf("uuid", ids.toArray()));
                values.add(connection.createArrayOf("varchar", ids.stream().map(current::get).toArray()));
            }
            values.addAll(Arrays.asList(detail, cause, detail, detail, cause, now, cause, detail, now));
            List<Placed> placed = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(scope.place)) {
                bind(statement, values.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        placed.add(new Placed(rows.getObject(1, UUID.class), rows.getString(2),
                                rows.getObject(3, OffsetDateTime.class), rows.getBoolean(4),
                                rows.getObject(5, UUID.class)));
                    }
                }
            }
            return placed;
        });
    }

    /**
     * @param actor the person who lifts it (who then also resumes: {@code autoResume} must be true), or null
     *              for Warden
     */
    static List<Lifted> lift(DSLContext dsl, UUID organizationId, Scope scope, Object scopeKey, String cause,
                             boolean autoResume, String actor, OffsetDateTime now) {
        return dsl.connectionResult(connection -> {
            if (!lockOpenCampaigns(connection, organizationId, scope, scopeKey)) {
                return List.of();
            }
            List<Lifted> lifted = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(scope.lift)) {
                bind(statement, organizationId, scopeKey, cause, cause, cause, now, autoResume, autoResume, now,
                        cause, actor, now, now);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        lifted.add(new Lifted(rows.getObject(1, UUID.class), rows.getBoolean(2),
                                rows.getObject(3, UUID.class)));
                    }
                }
            }
            return lifted;
        });
    }

    /**
     * Locks the open campaigns in scope; false when there are none, and then there is nothing to
     * place or lift (most templates: the hold statement is skipped).
     */
    private static boolean lockOpenCampaigns(Connection connection, UUID organizationId, Scope scope, Object scopeKey)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(scope.lock)) {
            bind(statement, organizationId, scopeKey);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}
