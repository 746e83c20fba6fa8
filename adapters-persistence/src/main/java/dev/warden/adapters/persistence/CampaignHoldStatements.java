package dev.warden.adapters.persistence;

import dev.warden.domain.campaign.CampaignStatus;
import dev.warden.domain.shared.ConcurrentModification;
import dev.warden.domain.template.TemplateStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
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
 * person's {@code Campaign.releaseBy}) for every open campaign of a template, or of every template of a WABA. A
 * campaign's holds are a column of its own row (docs/adr/0023), so each campaign is written once, status and holds
 * together:
 * <ul>
 *   <li>the template's open campaigns are row-locked by a statement of their own first: the hold
 *       statement that follows then reads every campaign and template committed before the lock was granted (one
 *       statement reads one snapshot, taken before any lock it waits for), so a person's pause or
 *       resume committed meanwhile is never overlooked, nor another template's hold statement;</li>
 *   <li>every campaign whose holds change gets a new revision, so a person's start or resume that
 *       read it before is refused instead of overwriting it;</li>
 *   <li>place: a new cause is added, the same cause with another detail updated (keeping its
 *       {@code since} and who placed it), the same detail left alone; RUNNING becomes PAUSED;</li>
 *   <li>lift: the cause is removed; a PAUSED campaign left without holds runs again, or, when the
 *       organisation resumes by hand, gets an AWAITING_RESUME hold;</li>
 *   <li>every placement, update and lift is written to the hold history.</li>
 * </ul>
 * Each statement updates the campaigns ({@code c}) joined to themselves ({@code o}, the row as it was, for what the
 * statement returns and writes to the history: PostgreSQL 15 returns only the new row of the table it updates).
 * The scope is repeated on {@code o} so that its rows are read through the same index as {@code c}'s, not among
 * every campaign the organisation ever had. What is written to the row is decided on {@code c} alone: a row
 * changed by another transaction since the statement began is re-read and decided again on its newest version,
 * never overwritten from {@code o}. But {@code o} is then older than what was decided on, so the history and the
 * events would be wrong: such a row ({@code stale}: one the lock statement could not lock, a campaign created
 * between the two statements and changed at once) fails the statement's transaction as a concurrent
 * modification, for its caller to retry. The values of the statement come in once, in {@code p}.
 *
 * <p>A template's status reaches the campaigns that fall back on it as well ({@link Scope#SENDING}), and holds
 * only those that can send neither template ({@link Scope#SENDING_UNABLE}).
 */
final class CampaignHoldStatements {

    /**
     * The statuses of a campaign that is not finished ({@link CampaignStatus#isFinished}), as an SQL list: the one
     * rule of which campaigns a template's holds reach, written into every statement that selects them.
     */
    static final String OPEN = Arrays.stream(CampaignStatus.values()).filter(status -> !status.isFinished())
            .map(status -> "'" + status.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private static final String LOCK = """
            SELECT c.id FROM campaigns c
            WHERE c.organization_id = CAST(? AS uuid) AND %s
              AND c.status IN :open
            ORDER BY c.id
            FOR NO KEY UPDATE
            """.replace(":open", OPEN);

    // A hold is {"detail": ..., "by": ..., "since": ...} under its cause; an updated one keeps its since and by.
    private static final String PLACE = """
            WITH p AS (
                SELECT CAST(? AS text) AS cause, CAST(? AS text) AS detail, CAST(? AS text) AS since,
                       CAST(? AS timestamptz) AS now
            ), changed AS (
                UPDATE campaigns c SET status = CASE WHEN c.status = 'RUNNING' THEN 'PAUSED' ELSE c.status END,
                    holds = c.holds || jsonb_build_object(p.cause,
                        COALESCE((c.holds -> p.cause) - 'detail', jsonb_build_object('since', p.since))
                        || jsonb_strip_nulls(jsonb_build_object('detail', p.detail))),
                    updated_at = p.now, revision = c.revision + 1
                FROM campaigns o CROSS JOIN p
                WHERE c.organization_id = CAST(? AS uuid) AND %1$s AND c.status IN :open
                  AND o.organization_id = c.organization_id AND o.id = c.id
                  AND %2$s AND o.status IN :open
                  AND ((c.holds -> p.cause) IS NULL OR (c.holds -> p.cause ->> 'detail') IS DISTINCT FROM p.detail)
                RETURNING c.organization_id, c.id, c.template_id, o.status AS was,
                    (o.holds -> p.cause) IS NOT NULL AS updated, c.holds -> p.cause ->> 'since' AS since,
                    c.revision <> o.revision + 1 AS stale, o.revision, p.cause, p.detail, p.now
            ), logged AS (
                INSERT INTO campaign_hold_history (organization_id, campaign_id, cause, action, detail, actor, at)
                SELECT organization_id, id, cause, CASE WHEN updated THEN 'UPDATED' ELSE 'PLACED' END, detail, NULL,
                       now
                FROM changed
            )
            SELECT id, was, since, updated, template_id, stale, revision FROM changed
            """.replace(":open", OPEN);

    // Whether the lifted hold was a paused campaign's only one, from the row as it is (c) and as it was (o).
    private static final String LAST = "%1$s.status = 'PAUSED' AND %1$s.holds - p.cause = '{}'";

    private static final String LIFT = """
            WITH p AS (
                SELECT CAST(? AS text) AS cause, CAST(? AS boolean) AS auto_resume, CAST(? AS text) AS actor,
                       CAST(? AS text) AS since, CAST(? AS timestamptz) AS now
            ), changed AS (
                UPDATE campaigns c SET status = CASE WHEN %1$s AND p.auto_resume THEN 'RUNNING' ELSE c.status END,
                    holds = CASE WHEN %1$s AND NOT p.auto_resume
                                 THEN jsonb_build_object('AWAITING_RESUME', jsonb_build_object('since', p.since))
                                 ELSE c.holds - p.cause END,
                    updated_at = p.now, revision = c.revision + 1
                FROM campaigns o CROSS JOIN p
                WHERE c.organization_id = CAST(? AS uuid) AND %%1$s AND c.status IN :open
                  AND o.organization_id = c.organization_id AND o.id = c.id
                  AND %%2$s AND o.status IN :open
                  AND (c.holds -> p.cause) IS NOT NULL
                RETURNING c.organization_id, c.id, c.template_id, o.holds -> p.cause ->> 'detail' AS detail,
                    %2$s AS last, c.revision <> o.revision + 1 AS stale, o.revision, p.cause, p.auto_resume,
                    p.actor, p.now
            ), logged AS (
                INSERT INTO campaign_hold_history (organization_id, campaign_id, cause, action, detail, actor, at)
                SELECT organization_id, id, cause, 'LIFTED', detail, actor, now FROM changed
                UNION ALL
                SELECT organization_id, id, 'AWAITING_RESUME', 'PLACED', NULL, NULL, now FROM changed
                WHERE last AND NOT auto_resume
            )
            SELECT id, last, template_id, stale, revision FROM changed
            """.replace(":open", OPEN).formatted(LAST.formatted("c"), LAST.formatted("o"));

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
            // The condition names the campaign c; o is the same campaign as the statement began (o.organization_id
            // = c.organization_id is the join), and the conditions read columns a campaign never changes.
            String old = condition.replace("c.", "o.");
            this.place = PLACE.formatted(condition + guard, old);
            this.lift = LIFT.formatted(condition + guard, old);
        }

        private static final class Constants {
            // One parameter: the template, as the campaign's own or as its fallback (campaigns_by_template, _by_fallback).
            static final String SENDING = "CAST(? AS uuid) IN (c.template_id, c.fallback_template_id)";
        }
    }

    /** A campaign the place statement changed: its status before, its hold's since, whether the hold was there. */
    record Placed(UUID campaignId, String statusBefore, Instant since, boolean updated, UUID templateId) {
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
                              String detail, Instant now, Map<UUID, String> current) {
        return dsl.connectionResult(connection -> {
            if (!lockOpenCampaigns(connection, organizationId, scope, scopeKey)) {
                return List.of();
            }
            List<Object> values = new ArrayList<>(Arrays.asList(cause, detail, HoldsColumn.since(now),
                    Times.toDb(now), organizationId, scopeKey));
            if (scope == Scope.SENDING_UNABLE) {
                List<UUID> ids = List.copyOf(current.keySet());
                values.add(connection.createArrayOf("uuid", ids.toArray()));
                values.add(connection.createArrayOf("varchar", ids.stream().map(current::get).toArray()));
            }
            values.add(scopeKey);
            List<Placed> placed = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(scope.place)) {
                bind(statement, values.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        refuseStale(rows, id);
                        placed.add(new Placed(id, rows.getString(2), Instant.parse(rows.getString(3)),
                                rows.getBoolean(4), rows.getObject(5, UUID.class)));
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
                             boolean autoResume, String actor, Instant now) {
        return dsl.connectionResult(connection -> {
            if (!lockOpenCampaigns(connection, organizationId, scope, scopeKey)) {
                return List.of();
            }
            List<Lifted> lifted = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(scope.lift)) {
                bind(statement, cause, autoResume, actor, HoldsColumn.since(now), Times.toDb(now), organizationId,
                        scopeKey, scopeKey);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        refuseStale(rows, id);
                        lifted.add(new Lifted(id, rows.getBoolean(2), rows.getObject(3, UUID.class)));
                    }
                }
            }
            return lifted;
        });
    }

    /** A campaign changed by another transaction while the statement ran: what it reports would be out of date. */
    private static void refuseStale(ResultSet rows, UUID campaignId) throws SQLException {
        if (rows.getBoolean("stale")) {
            throw new ConcurrentModification("campaign", campaignId, rows.getLong("revision"));
        }
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
